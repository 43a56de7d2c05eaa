package io.mcpconfig.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PortsTest {

  private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

  @Test
  void restartablePortsAreFreeAndBelowTheEphemeralRange() throws IOException {
    assumeTrue(Files.isReadable(RANGE), "no " + RANGE + " on this OS");
    int ephemeralLow;
    try (BufferedReader reader = Files.newBufferedReader(RANGE)) {
      ephemeralLow = Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
    }

    int port = Ports.freeOutsideEphemeralRange();

    assertThat(port).isBetween(10_000, ephemeralLow - 1);
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }
}
