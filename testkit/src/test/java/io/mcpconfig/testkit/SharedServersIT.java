package io.mcpconfig.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Named so that surefire's default Test* pattern does not pick it up as a unit test. */
class SharedServersIT {

  @Test
  void concurrentFirstCallsShareOneServerOfEachKind() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> calls = pool.invokeAll(List.<Callable<Object>>of(
          TestServers::postgres, TestServers::postgres, TestServers::kafka, TestServers::kafka));

      List<Object> servers = calls.stream().map(SharedServersIT::join).collect(Collectors.toList());

      assertThat(servers.get(0)).isSameAs(servers.get(1)).isSameAs(TestServers.postgres());
      assertThat(servers.get(2)).isSameAs(servers.get(3)).isSameAs(TestServers.kafka());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sharedServersServe() throws Exception {
    TestServers.kafka().createTopic(TestNames.unique("shared"), 1, Map.of());
    try (Connection connection = TestServers.postgres().connect("postgres")) {
      assertThat(connection.isValid(5)).isTrue();
    }
    assertThat(TestServers.kafka().isRunning()).isTrue();
  }

  private static Object join(Future<Object> call) {
    try {
      return call.get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
