package dev.podium.testkit;

/**
 * Options of a peer's sent video track, fed by the synthetic {@link VideoPattern}.
 *
 * <p>With two simulcast layers the transceiver gets two send encodings scaled down by 2 and 1;
 * libwebrtc names them rid {@code 0} (half size) and rid {@code 1} (full size). libwebrtc itself
 * limits the number of layers it really sends by resolution: below 640x360 it sends only one layer
 * even if the offer lists two rids.
 *
 * @param width frame width in pixels (even)
 * @param height frame height in pixels (even)
 * @param fps frames pushed per second (1..60)
 * @param simulcastLayers 1 (a single encoding) or 2 (simulcast)
 */
public record VideoSend(int width, int height, int fps, int simulcastLayers) {

  /** Checks the fields. */
  public VideoSend {
    if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException(
          "width and height must be even and >= 16: " + width + "x" + height);
    }
    if (fps < 1 || fps > 60) {
      throw new IllegalArgumentException("fps must be 1..60: " + fps);
    }
    if (simulcastLayers < 1 || simulcastLayers > 2) {
      throw new IllegalArgumentException("simulcastLayers must be 1 or 2: " + simulcastLayers);
    }
  }
}
