package dev.podium.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs native calls that can hang (peer close, factory dispose) on a daemon thread and waits a
 * bounded time, so a test fails with a clear message instead of hanging the build.
 */
final class Guard implements AutoCloseable {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "podium-testkit-guard-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  /** Runs {@code call} and waits at most {@code timeout} for it. */
  <T> T call(String what, Duration timeout, Callable<T> call) {
    Future<T> future = pool.submit(call);
    return await(what, timeout, future);
  }

  /** Runs {@code action} and waits at most {@code timeout} for it. */
  void run(String what, Duration timeout, Runnable action) {
    call(
        what,
        timeout,
        () -> {
          action.run();
          return null;
        });
  }

  /** Waits at most {@code timeout} for {@code future}, translating failures. */
  static <T> T await(String what, Duration timeout, Future<T> future) {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new PeerTimeoutException(what + " did not finish within " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerOperationException(what + " interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof PeerOperationException p) {
        throw p;
      }
      throw new PeerOperationException(what + " failed: " + cause, cause);
    }
  }

  /** A future completed by a libwebrtc observer with a failure text. */
  static <T> void fail(CompletableFuture<T> future, String what, String error) {
    future.completeExceptionally(new PeerOperationException(what + " failed: " + error));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
