package dev.podium.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Test helpers: open themed windows on the FX thread, run code there, wait for conditions. */
public final class FxWindows {
  private FxWindows() {}

  /** Shows {@code root} in a new themed window of the given size. */
  public static Stage show(Callable<Parent> root, double width, double height) {
    return onFx(
        () -> {
          Stage stage = new Stage();
          Scene scene = new Scene(root.call(), width, height);
          Theme.apply(scene);
          stage.setScene(scene);
          stage.show();
          return stage;
        });
  }

  /** Runs {@code task} on the FX thread and returns its result. */
  public static <T> T onFx(Callable<T> task) {
    try {
      T value = WaitForAsyncUtils.asyncFx(task).get(10, TimeUnit.SECONDS);
      WaitForAsyncUtils.waitForFxEvents();
      return value;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code task} on the FX thread. */
  public static void runFx(Runnable task) {
    onFx(
        () -> {
          task.run();
          return null;
        });
  }

  /** Waits up to {@code seconds} for {@code condition} (checked on the FX thread). */
  public static void await(double seconds, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < deadline) {
      WaitForAsyncUtils.waitForFxEvents();
      if (onFx(condition::getAsBoolean)) {
        return;
      }
      WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
