package io.mcpconfig.testkit;

/**
 * A JVM shutdown hook that runs a server's close, and that the server withdraws when it is closed
 * earlier, so closed servers are not kept reachable until exit.
 */
final class ExitHook {

  private final Thread thread;

  private ExitHook(String name, Runnable action) {
    this.thread = new Thread(action, name);
  }

  static ExitHook register(String name, Runnable action) {
    ExitHook hook = new ExitHook(name, action);
    Runtime.getRuntime().addShutdownHook(hook.thread);
    return hook;
  }

  /** Withdraws the hook unless the JVM is already exiting (then the hook itself is the caller). */
  void withdraw() {
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException exiting) {
      // The JVM is shutting down: the hook runs anyway and close is idempotent.
    }
  }
}
