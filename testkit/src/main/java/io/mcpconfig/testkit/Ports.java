package io.mcpconfig.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Free local ports. */
final class Ports {

  private static final int LOWEST = 10_000;
  private static final int ATTEMPTS = 100;

  private Ports() {}

  /**
   * A port that was free a moment ago on 127.0.0.1. Another process could take it before the
   * caller binds it; on a test machine that race is rare enough, and the caller fails loudly.
   */
  static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }

  /**
   * A free port below the kernel's ephemeral range, for a server that must get the same port back
   * after a stop: while it is stopped, no outgoing connection can be given that port (nor can a
   * client retrying it connect to itself, which loopback TCP allows). Falls back to {@link #free()}
   * where the range is unknown or leaves no room.
   */
  static int freeOutsideEphemeralRange() {
    int ephemeralLow = ephemeralLow();
    if (ephemeralLow <= LOWEST + ATTEMPTS) {
      return free();
    }
    for (int i = 0; i < ATTEMPTS; i++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, ephemeralLow);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // Try another.
      }
    }
    return free();
  }

  private static int ephemeralLow() {
    // A reader, not Files.readString: JDK 17 reads a single byte of /proc files (size 0).
    try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
      return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException notLinux) {
      return 0;
    }
  }
}
