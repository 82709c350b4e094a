package dev.podium.app.client;

import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.StatusCode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media side of a session on its control thread: the peer connection (rebuilt when it fails),
 * offer/answer rounds, the microphone's send direction and local video.
 */
final class MediaControl {
  private static final Logger LOG = LoggerFactory.getLogger(MediaControl.class);

  /**
   * Below this height libwebrtc sends only one of the two layers asked for (it caps the layer count
   * by resolution), and a server forwarding the top layer would forward nothing: send one stream.
   */
  static final int MIN_SIMULCAST_HEIGHT = 360;

  private final SessionCore core;
  private PeerSession peer;
  private boolean videoSimulcast;
  private boolean negotiationNeeded;
  private boolean negotiationQueued;
  private boolean connectionPoor;
  private boolean sendingAudio;
  private VideoTrack localVideoTrack;
  private LocalVideoFeed localFeed;
  private VideoDeviceSource camera;
  private CustomVideoSource generatedSource;
  private VideoTrack generatedTrack;
  private CustomVideoSource contentSource;
  private VideoTrack contentTrack;
  private LocalVideoFeed contentFeed;
  private boolean sharingContent;

  /** Content share video: at most 1280x720 at 15 fps (seed). */
  static final VideoFormat MAX_CONTENT_FORMAT = new VideoFormat(1280, 720, 15);

  MediaControl(SessionCore core) {
    this.core = core;
  }

  PeerSession peer() {
    return peer;
  }

  // =================================================================== peer connection

  /** A new peer connection with a slot per tile, sending what the session sends now. */
  void newPeer() {
    AtomicReference<PeerSession> createdRef = new AtomicReference<>();
    SessionOptions options = core.options;
    sendingAudio = core.stage.mayUseMicrophone();
    PeerSession created =
        new PeerSession(
            core.name,
            core.stack,
            RtcConfigurations.forServer(core.config.signalingUrl(), options),
            options.operationTimeout(),
            options.remoteAudioListener(),
            sendingAudio,
            // libwebrtc's signaling thread: hop to the control thread at once.
            newState -> core.onControl(() -> onPeerState(createdRef.get(), newState)));
    createdRef.set(created);
    peer = created;
    core.tiles.assignSlots(peer);
    if (localVideoTrack != null) {
      peer.setLocalVideo(localVideoTrack, videoSimulcast);
    }
    if (sharingContent) {
      peer.setContentVideo(contentTrack);
    }
  }

  void awaitConnected() {
    peer.awaitConnected();
    core.stack.audioFeedConnected();
  }

  private void onPeerState(PeerSession source, RTCPeerConnectionState newState) {
    if (source != peer || core.state == SessionCore.State.STOPPED) {
      return;
    }
    switch (newState) {
      case DISCONNECTED -> poor();
      case CONNECTED -> {
        core.stack.audioFeedConnected();
        if (connectionPoor) {
          connectionPoor = false;
          core.events.emit(MeetingSessionObserver::onConnectionBecameGood);
        }
      }
      case FAILED -> {
        poor();
        if (core.state == SessionCore.State.STARTED) {
          LOG.info("{}: media connection failed; rebuilding it", core.name);
          core.meetingEvents.sendingAudioFailed("the media connection failed");
          core.stage.lostConnection("the media connection failed");
          restartMedia();
        }
      }
      default -> {}
    }
  }

  private void poor() {
    if (!connectionPoor) {
      connectionPoor = true;
      core.events.emit(MeetingSessionObserver::onConnectionBecamePoor);
    }
  }

  /**
   * Replaces the peer connection: the server gives a new media session to an offer on a connection
   * whose transport closed. A new connection (not an ICE restart) because a new server transport
   * also needs a new DTLS handshake, which libwebrtc does not redo on an ICE restart.
   */
  void restartMedia() {
    if (peer != null) {
      peer.close();
    }
    try {
      newPeer();
      negotiate();
    } catch (RuntimeException e) {
      core.finish(MeetingSessionStatus.failed(ClientFailure.NEGOTIATION_FAILED, e.getMessage()));
    }
  }

  // =================================================================== negotiation

  /** Queues one offer/answer round (coalescing requests made meanwhile). */
  void requestNegotiation() {
    negotiationNeeded = true;
    if (negotiationQueued) {
      return;
    }
    negotiationQueued = true;
    core.onControl(
        () -> {
          negotiationQueued = false;
          if (!negotiationNeeded || core.state != SessionCore.State.STARTED || peer == null) {
            return;
          }
          try {
            negotiate();
          } catch (RuntimeException e) {
            LOG.warn("{}: renegotiation failed: {}", core.name, e.getMessage());
          }
        });
  }

  /** Renegotiates if something changed while no round could run (e.g. while reconnecting). */
  void renegotiateIfNeeded() {
    if (negotiationNeeded) {
      requestNegotiation();
    }
  }

  /** One offer/answer round on the control thread; throws on failure. */
  void negotiate() {
    negotiationNeeded = false;
    SignalingClient client = core.signaling;
    if (client == null || !client.isOpen()) {
      negotiationNeeded = true;
      throw new IllegalStateException("not connected to the signaling server");
    }
    core.stack.audioFeedHold();
    String sdp = peer.createOffer(false);
    Map<String, String> bindings = core.tiles.bindings(peer);
    String contentMid = sharingContent ? peer.contentMid() : null;
    ServerMessage reply;
    try {
      reply =
          client
              .request(
                  new ClientMessage.Offer(
                      core.nextId(),
                      sdp,
                      bindings,
                      contentMid == null ? null : java.util.List.of(contentMid)))
              .get(core.options.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      peer.rollback();
      negotiationNeeded = true;
      core.stack.audioFeedRelease(peer.isConnected());
      throw new IllegalStateException("no answer to the offer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
    if (reply instanceof ServerMessage.Answer answer) {
      LOG.debug("{}: negotiated with video bindings {}", core.name, bindings);
      peer.applyAnswer(answer.sdp());
      core.stack.audioFeedRelease(peer.isConnected());
      if (contentMid != null && isInactive(answer.sdp(), contentMid)) {
        contentRefused = true;
      }
      sendVideoPreferences();
    } else {
      peer.rollback();
      core.stack.audioFeedRelease(peer.isConnected());
      throw new IllegalStateException(
          "the server refused the offer: " + SessionCore.statusOf(reply));
    }
  }

  /** Set when the last answer refused the content share (the meeting has its share already). */
  private boolean contentRefused;

  /** Whether the answer's m-section {@code mid} is inactive (a refused sending m-line). */
  static boolean isInactive(String sdp, String mid) {
    for (String section : sdp.split("\r\nm=")) {
      if (section.contains("\r\na=mid:" + mid + "\r\n")) {
        return section.contains("\r\na=inactive");
      }
    }
    return false;
  }

  /** Tells the server the tiles' render sizes and priorities (fire and forget). */
  void sendVideoPreferences() {
    SignalingClient client = core.signaling;
    java.util.List<ClientMessage.VideoPreference> preferences = core.tiles.preferences();
    if (preferences.isEmpty()
        || client == null
        || !client.isOpen()
        || core.state != SessionCore.State.STARTED) {
      return;
    }
    client.request(new ClientMessage.VideoPreferences(core.nextId(), preferences));
  }

  // =================================================================== content share

  void startContentShare(LocalVideoSource source, CompletableFuture<MeetingSessionStatus> result) {
    if (core.state != SessionCore.State.STARTED || peer == null) {
      core.events.complete(result, SessionCore.notConnected());
      return;
    }
    if (!(source instanceof LocalVideoSource.Generated generated)) {
      core.events.complete(
          result,
          MeetingSessionStatus.failed(
              ClientFailure.DEVICE_FAILED, "content share takes frames from a generator"));
      return;
    }
    try {
      stopContentFeed();
      if (contentSource == null) {
        contentSource = core.stack.own(new CustomVideoSource());
        contentTrack =
            core.stack.factory.createVideoTrack(core.name + "-content-video", contentSource);
      }
      VideoFormat asked = generated.format();
      VideoFormat format =
          new VideoFormat(
              Math.min(asked.width(), MAX_CONTENT_FORMAT.width()),
              Math.min(asked.height(), MAX_CONTENT_FORMAT.height()),
              Math.min(asked.fps(), MAX_CONTENT_FORMAT.fps()));
      contentFeed = new LocalVideoFeed(contentSource, format, generated.generator());
      contentFeed.start(core.videoThread);
      sharingContent = true;
      contentRefused = false;
      peer.setContentVideo(contentTrack);
      negotiate();
    } catch (RuntimeException e) {
      stopContentShare(false);
      core.events.complete(
          result, MeetingSessionStatus.failed(ClientFailure.NEGOTIATION_FAILED, e.getMessage()));
      return;
    }
    if (contentRefused) {
      MeetingSessionStatus refused =
          MeetingSessionStatus.of(
              StatusCode.CONTENT_SHARE_UNAVAILABLE, "someone else is sharing content");
      stopContentShare(true);
      String self = selfId();
      core.events.emit(o -> o.onContentShareStopped(self, refused));
      core.events.complete(result, refused);
      return;
    }
    String self = selfId();
    core.events.emit(o -> o.onContentShareStarted(self));
    core.events.complete(result, MeetingSessionStatus.ok());
  }

  void stopContentShare() {
    if (sharingContent) {
      stopContentShare(true);
      String self = selfId();
      core.events.emit(o -> o.onContentShareStopped(self, MeetingSessionStatus.ok()));
    }
  }

  private String selfId() {
    return core.self == null ? null : core.self.attendeeId();
  }

  private void stopContentShare(boolean renegotiate) {
    stopContentFeed();
    sharingContent = false;
    if (peer != null) {
      peer.setContentVideo(null);
      if (renegotiate) {
        renegotiateSoon();
      }
    }
  }

  private void stopContentFeed() {
    if (contentFeed != null) {
      contentFeed.stop();
      contentFeed = null;
    }
  }

  /** Renegotiates now if connected, or marks it needed for when the session is back. */
  private void renegotiateSoon() {
    if (core.state == SessionCore.State.STARTED && peer != null) {
      try {
        negotiate();
      } catch (RuntimeException e) {
        LOG.warn("{}: renegotiation failed: {}", core.name, e.getMessage());
      }
    } else {
      negotiationNeeded = true;
    }
  }

  // =================================================================== microphone

  /** Starts or stops sending the microphone (promotion, demotion) and renegotiates. */
  void setSendingAudio(boolean send) {
    if (send == sendingAudio) {
      return;
    }
    sendingAudio = send;
    if (peer != null) {
      peer.setMicrophoneSending(send);
      renegotiateSoon();
    }
  }

  boolean isSendingAudio() {
    return sendingAudio;
  }

  void setMuted(boolean mute) {
    core.muted = mute;
    if (core.stack != null) {
      core.stack.microphone.setEnabled(!mute);
    }
  }

  // =================================================================== local video

  void startLocalVideo(LocalVideoSource source, CompletableFuture<MeetingSessionStatus> result) {
    if (!core.canStartLocalVideo) {
      MeetingSessionStatus refused =
          MeetingSessionStatus.of(
              StatusCode.VIDEO_SEND_UNAVAILABLE, "the meeting does not accept video now");
      core.events.emit(o -> o.onVideoSendUnavailable(refused));
      core.events.complete(result, refused);
      return;
    }
    if (core.state != SessionCore.State.STARTED) {
      core.events.complete(result, SessionCore.notConnected());
      return;
    }
    try {
      stopLocalSource();
      localVideoTrack = localTrack(source);
      videoSimulcast = core.options.simulcast() && source.format().height() >= MIN_SIMULCAST_HEIGHT;
      peer.setLocalVideo(localVideoTrack, videoSimulcast);
      negotiate();
    } catch (RuntimeException e) {
      core.meetingEvents.videoInputFailed(e.getMessage());
      core.events.complete(
          result, MeetingSessionStatus.failed(ClientFailure.DEVICE_FAILED, e.getMessage()));
      return;
    }
    core.events.emit(MeetingSessionObserver::onLocalVideoStarted);
    core.events.complete(result, MeetingSessionStatus.ok());
  }

  void stopLocalVideo() {
    stopLocalVideo(true);
  }

  private void stopLocalVideo(boolean renegotiate) {
    if (localVideoTrack == null) {
      return;
    }
    stopLocalSource();
    localVideoTrack = null;
    if (peer != null) {
      peer.setLocalVideo(null, videoSimulcast);
      if (renegotiate) {
        renegotiateSoon();
      } else {
        negotiationNeeded = true;
      }
    }
    core.events.emit(MeetingSessionObserver::onLocalVideoStopped);
  }

  /** The server says whether this attendee may send video; stops local video if not. */
  void setVideoAvailability(boolean can) {
    setVideoAvailability(can, true);
  }

  private void setVideoAvailability(boolean can, boolean renegotiate) {
    boolean changed = can != core.canStartLocalVideo;
    core.canStartLocalVideo = can;
    if (changed || core.state == SessionCore.State.CONNECTING) {
      core.events.emit(o -> o.onVideoAvailabilityChanged(can));
    }
    if (!can && localVideoTrack != null) {
      stopLocalVideo(renegotiate);
      MeetingSessionStatus status =
          MeetingSessionStatus.of(StatusCode.VIDEO_SEND_UNAVAILABLE, "the server stopped video");
      core.events.emit(o -> o.onVideoSendUnavailable(status));
    }
  }

  /**
   * Demoted by a disconnection: stop sending audio and video at once; the next offer (after the
   * resume, or from the rebuilt peer connection) tells the server.
   */
  void demotedWhileDisconnected() {
    sendingAudio = false;
    if (peer != null) {
      peer.setMicrophoneSending(false);
    }
    negotiationNeeded = true;
    setVideoAvailability(false, false);
  }

  private VideoTrack localTrack(LocalVideoSource source) {
    MediaStack stack = core.stack;
    if (source instanceof LocalVideoSource.Generated generated) {
      if (generatedSource == null) {
        generatedSource = stack.own(new CustomVideoSource());
        generatedTrack =
            stack.factory.createVideoTrack(core.name + "-generated-video", generatedSource);
      }
      localFeed = new LocalVideoFeed(generatedSource, generated.format(), generated.generator());
      localFeed.start(core.videoThread);
      return generatedTrack;
    }
    LocalVideoSource.Camera chosen = (LocalVideoSource.Camera) source;
    VideoDevice device =
        core.devices
            .findCamera(chosen.device())
            .orElseThrow(() -> new IllegalStateException("no such camera: " + chosen.device()));
    VideoDeviceSource capture = stack.own(new VideoDeviceSource());
    capture.setVideoCaptureDevice(device);
    VideoFormat f = chosen.format();
    capture.setVideoCaptureCapability(new VideoCaptureCapability(f.width(), f.height(), f.fps()));
    capture.start();
    camera = capture;
    return stack.factory.createVideoTrack(core.name + "-camera-" + core.nextId(), capture);
  }

  private void stopLocalSource() {
    if (localFeed != null) {
      localFeed.stop();
      localFeed = null;
    }
    if (camera != null) {
      VideoDeviceSource c = camera;
      NativeCalls.quietly("camera stop", core.options.operationTimeout(), c::stop);
      camera = null;
    }
  }

  /** The session ended: stop local sources and close the peer connection. */
  void close() {
    stopLocalSource();
    stopContentFeed();
    if (peer != null) {
      peer.close();
      peer = null;
    }
  }
}
