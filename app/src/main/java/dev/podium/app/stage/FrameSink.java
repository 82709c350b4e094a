package dev.podium.app.stage;

import dev.podium.app.Ui;
import dev.podium.app.client.I420Frame;
import dev.podium.app.client.VideoFrameListener;
import dev.podium.app.client.VideoTile;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Draws decoded frames of one tile into an {@link ImageView}: converts to ARGB on the SDK's thread,
 * keeps only the newest frame, and writes pixels on the FX thread at most once per pulse.
 */
final class FrameSink implements VideoFrameListener {
  private final ImageView view;
  private final AtomicReference<int[]> pending = new AtomicReference<>();
  private volatile int width;
  private volatile int height;
  private WritableImage image;

  FrameSink(ImageView view) {
    this.view = view;
  }

  @Override
  public void onVideoFrame(VideoTile tile, I420Frame frame) {
    width = frame.width();
    height = frame.height();
    int[] argb = frame.toArgb(null);
    if (pending.getAndSet(argb) == null) {
      Ui.FX.execute(this::draw);
    }
  }

  private void draw() {
    int[] argb = pending.getAndSet(null);
    if (argb == null) {
      return;
    }
    int w = width;
    int h = height;
    if (argb.length < w * h) {
      return;
    }
    if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
      image = new WritableImage(w, h);
      view.setImage(image);
    }
    image
        .getPixelWriter()
        .setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), w);
  }
}
