package io.mcpconfig.admin.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeSpecTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void instants_dates_and_ages() {
        assertThat(TimeSpec.parse("2026-12-01T10:00:00Z", clock)).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(TimeSpec.parse("2026-12-01T10:00:00+01:00", clock)).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(TimeSpec.parse("2026-12-01T10:00", clock)).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(TimeSpec.parse("2026-12-01", clock)).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(TimeSpec.parse("90m", clock)).isEqualTo("2026-12-01T10:30:00Z");
        assertThat(TimeSpec.parse("2d", clock)).isEqualTo("2026-11-29T12:00:00Z");
    }

    @Test
    void anything_else_is_refused_with_the_forms() {
        assertThatThrownBy(() -> TimeSpec.parse("yesterday", clock)).hasMessageContaining("'yesterday'").hasMessageContaining("2h");
    }

    @Test
    void lsns_print_as_postgresql_shows_them() {
        assertThat(Lsn.format(0x16B374D848L)).isEqualTo("16/B374D848");
        assertThat(Lsn.parse("16/B374D848")).isEqualTo(0x16B374D848L);
        assertThatThrownBy(() -> Lsn.parse("16")).hasMessageContaining("'16'");
    }

    @Test
    void until_before_since_is_refused() {
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, Instant.parse("2026-12-02T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), null)).hasMessageContaining("before since");
    }
}
