package io.mcpconfig.admin.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instants people type for {@code --since}, {@code --until} and {@code --at}: an ISO-8601
 * instant ({@code 2026-12-01T10:00:00Z}, or with an offset), a date-time or date without a zone
 * (read as UTC), or a duration back from now ({@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}).
 */
public final class TimeSpec {
    private static final Pattern AGO = Pattern.compile("(\\d+)([smhd])");

    private TimeSpec() {}

    /** @throws IllegalArgumentException naming the text and the forms accepted */
    public static Instant parse(String text, Clock clock) {
        String t = text == null ? "" : text.trim();
        Matcher ago = AGO.matcher(t);
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            Duration d = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return clock.instant().minus(d);
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the zone-less forms
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // try a date
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time: use 2026-12-01T10:00:00Z, "
                    + "2026-12-01T10:00 (UTC), 2026-12-01, or an age like 15m, 2h, 7d");
        }
    }
}
