package dev.podium.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Logback's default DEBUG console output down to WARN in a benchmark fork, so Netty's
 * start-up chatter does not bury JMH's output. Call before the first Netty class loads.
 */
final class BenchLogging {
  private BenchLogging() {}

  static void quiet() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.WARN);
    }
  }
}
