package io.mcpconfig.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free local ports. */
final class Ports {

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
}
