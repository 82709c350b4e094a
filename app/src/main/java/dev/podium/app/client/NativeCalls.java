package dev.podium.app.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Helpers for webrtc-java calls: wait for an observer-completed future with a limit, and run
 * shutdown steps that must not stop the remaining steps when one fails or hangs (webrtc-java
 * reports some failures as {@link Error}).
 */
final class NativeCalls {
  private static final Logger LOG = LoggerFactory.getLogger(NativeCalls.class);

  private NativeCalls() {}

  /** Thrown when a webrtc-java operation fails or does not finish in time. */
  static final class MediaOperationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MediaOperationException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Waits for {@code future}; wraps failures and timeouts in {@link MediaOperationException}. */
  static <T> T await(String what, CompletableFuture<T> future, Duration limit) {
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new MediaOperationException(what + " did not finish within " + limit, e);
    } catch (ExecutionException e) {
      throw new MediaOperationException(what + " failed: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaOperationException(what + " interrupted", e);
    }
  }

  /**
   * Runs a shutdown step on a daemon thread and waits at most {@code limit}; logs failures and
   * hangs instead of throwing.
   */
  static void quietly(String what, Duration limit, Runnable step) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                step.run();
                done.complete(null);
              } catch (Throwable t) {
                done.completeExceptionally(t);
              }
            },
            "podium-shutdown-step");
    thread.setDaemon(true);
    thread.start();
    try {
      done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("{} did not finish within {}; continuing", what, limit);
    } catch (ExecutionException e) {
      LOG.warn("{} failed: {}", what, e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
