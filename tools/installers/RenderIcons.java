// Renders dev.podium.app.AppIcon to podium-<size>.png files (used by tools/installers/render-icons).
import java.io.File;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javax.imageio.ImageIO;

public class RenderIcons {
  public static void main(String[] args) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    Exception[] failure = new Exception[1];
    Platform.startup(() -> {
      try {
        for (int i = 1; i < args.length; i++) {
          int size = Integer.parseInt(args[i]);
          ImageIO.write(SwingFXUtils.fromFXImage(dev.podium.app.AppIcon.render(size), null), "png",
              new File(args[0], "podium-" + size + ".png"));
        }
      } catch (Exception e) { failure[0] = e; }
      done.countDown();
    });
    done.await();
    Platform.exit();
    if (failure[0] != null) throw failure[0];
  }
}
