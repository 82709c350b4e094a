package dev.podium.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Turns the server's and the test kit's per-event INFO lines off so the figures stay readable. */
final class Logging {
  private Logging() {}

  /** Root logger to WARN (the shaded jar carries the server's logback.xml, INFO to stderr). */
  static void warnOnly() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.WARN);
    }
  }
}
