package io.mcpconfig.testkit;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.ForwardingAdmin;

/**
 * The broker's one Admin client, handed to many callers: {@code close} is a no-op so that a caller's
 * try-with-resources cannot break it for the others; the broker closes it for real.
 */
final class SharedAdmin extends ForwardingAdmin {

  SharedAdmin(Map<String, Object> configs) {
    super(configs);
  }

  @Override
  public void close(Duration timeout) {
    // Owned by the broker: see shutdown().
  }

  void shutdown() {
    super.close(Duration.ofSeconds(5));
  }
}
