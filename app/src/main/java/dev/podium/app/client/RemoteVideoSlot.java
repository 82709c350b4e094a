package dev.podium.app.client;

import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;

/**
 * One recv-only video transceiver and the tile it currently shows (none when free: the server then
 * answers its m-line inactive, and it is reused for the next source instead of adding m-lines).
 *
 * <p>The sink runs on a libwebrtc decoder thread: it copies the frame into Java memory, releases
 * the native frame (frames handed to sinks are copies that must be released) and returns.
 */
final class RemoteVideoSlot implements VideoTrackSink {
  final RTCRtpTransceiver transceiver;
  final VideoTrack track;
  private volatile RemoteTile tile;

  RemoteVideoSlot(RTCRtpTransceiver transceiver) {
    this.transceiver = transceiver;
    this.track = (VideoTrack) transceiver.getReceiver().getTrack();
    track.addSink(this);
  }

  RemoteTile tile() {
    return tile;
  }

  void assign(RemoteTile newTile) {
    this.tile = newTile;
  }

  /** Stops frame delivery; never {@code VideoTrack.dispose()} (webrtc-java throws). */
  void detach() {
    tile = null;
    try {
      track.removeSink(this);
    } catch (RuntimeException e) {
      // the connection is already closed: nothing to detach from
    }
  }

  @Override
  public void onVideoFrame(VideoFrame frame) {
    try {
      RemoteTile target = tile;
      if (target == null) {
        return;
      }
      VideoFrameBuffer buffer = frame.buffer;
      I420Buffer i420 = buffer.toI420();
      try {
        target.offer(I420Frame.copyOf(i420, frame.timestampNs));
      } finally {
        if (i420 != buffer) {
          i420.release(); // a converted buffer is a new reference of ours
        }
      }
    } catch (RuntimeException e) {
      // never throw into libwebrtc's decoder thread
    } finally {
      frame.release();
    }
  }
}
