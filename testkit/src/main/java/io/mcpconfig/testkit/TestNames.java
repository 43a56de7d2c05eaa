package io.mcpconfig.testkit;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique names for what tests create on shared servers: topic prefixes, databases, replication
 * slots and publications.
 *
 * <p>Thread-safe and non-blocking.
 */
public final class TestNames {

  /** The longest name returned; leaves room for suffixes under PostgreSQL's 63-character limit. */
  public static final int MAX_LENGTH = 40;

  private static final AtomicLong COUNTER = new AtomicLong();
  /**
   * Drawn once per JVM: the counter keeps names apart within a JVM, this keeps JVMs apart (e.g.
   * Maven forks running at once against one server), with 1 chance in 36^6 (2 billion) per pair.
   */
  private static final String JVM_TOKEN = randomToken(6);

  private TestNames() {}

  /**
   * A name never returned before in this JVM, and very unlikely in any other: {@code base}
   * lower-cased, each run of characters outside {@code [a-z0-9]} turned into one {@code _},
   * prefixed with {@code t} unless it starts with a letter, cut to fit, then {@code _}, a counter,
   * {@code _} and a random token. E.g. {@code unique("ClientCacheIT.restart")} gives
   * {@code clientcacheit_restart_7_k3x9qa}.
   *
   * <p>The result matches {@code [a-z][a-z0-9_]*}, at most {@value #MAX_LENGTH} characters: valid
   * as a Kafka topic name or prefix, and as an unquoted PostgreSQL database, slot or publication
   * name.
   *
   * @param base what the name is for, e.g. the test's name; may be null or empty
   */
  public static String unique(String base) {
    String suffix = "_" + COUNTER.incrementAndGet() + "_" + JVM_TOKEN;
    String stem = sanitize(base);
    int room = MAX_LENGTH - suffix.length();
    if (stem.length() > room) {
      stem = trimTrailingUnderscores(stem.substring(0, room));
    }
    return stem + suffix;
  }

  private static String sanitize(String base) {
    String lower = base == null ? "" : base.toLowerCase(Locale.ROOT);
    String cleaned = trimTrailingUnderscores(lower.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+", ""));
    if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
      cleaned = "t" + cleaned;
    }
    return cleaned;
  }

  private static String trimTrailingUnderscores(String s) {
    int end = s.length();
    while (end > 1 && s.charAt(end - 1) == '_') {
      end--;
    }
    return s.substring(0, end);
  }

  private static String randomToken(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder token = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      token.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return token.toString();
  }
}
