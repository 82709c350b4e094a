package dev.podium.app.client;

import java.util.Objects;

/** Where local video comes from: a camera, or frames drawn by a {@link FrameGenerator}. */
public sealed interface LocalVideoSource {

  /** The video format requested from the source. */
  VideoFormat format();

  /**
   * A camera through webrtc-java's capture module.
   *
   * @param device a camera from {@link DeviceManager#cameras()}, or null for the first one
   * @param format requested capture size and rate (the camera picks the nearest it supports)
   */
  record Camera(MediaDeviceInfo device, VideoFormat format) implements LocalVideoSource {
    public Camera {
      Objects.requireNonNull(format, "format");
    }
  }

  /**
   * Frames drawn by the application (or a synthetic pattern); needs no device.
   *
   * @param format size and frame rate of the drawn frames
   * @param generator draws each frame
   */
  record Generated(VideoFormat format, FrameGenerator generator) implements LocalVideoSource {
    public Generated {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(generator, "generator");
    }
  }

  /** A camera at {@code format}. */
  static LocalVideoSource camera(MediaDeviceInfo device, VideoFormat format) {
    return new Camera(device, format);
  }

  /** Frames drawn by {@code generator}. */
  static LocalVideoSource generated(VideoFormat format, FrameGenerator generator) {
    return new Generated(format, generator);
  }

  /** A synthetic moving pattern ({@link FrameGenerator#testPattern()}). */
  static LocalVideoSource testPattern(VideoFormat format) {
    return new Generated(format, FrameGenerator.testPattern());
  }
}
