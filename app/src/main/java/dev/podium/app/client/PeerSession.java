package dev.podium.app.client;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One RTCPeerConnection of a session, always the offerer: an audio transceiver for the microphone
 * (send-only, or inactive while the attendee may not speak), a recv-only audio transceiver (the
 * meeting's mixed audio), an optional send-only video transceiver (camera, simulcast) and recv-only
 * video {@link RemoteVideoSlot}s.
 *
 * <p>Confined to the session's control thread, except the observer (libwebrtc's signaling thread),
 * which only records the state and hands it on.
 */
final class PeerSession {
  private static final AtomicInteger TRACK_IDS = new AtomicInteger();

  private final String name;
  private final MediaStack stack;
  private final Duration timeout;
  private final RTCPeerConnection pc;
  private final RTCRtpTransceiver microphone;
  private final AudioTrack remoteAudio;
  private final AudioTrackSink remoteAudioSink;
  private final List<RemoteVideoSlot> slots = new ArrayList<>();
  private RTCRtpTransceiver videoSender;
  private RTCRtpTransceiver contentSender;
  private volatile RTCPeerConnectionState state = RTCPeerConnectionState.NEW;
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  private boolean closed;

  PeerSession(
      String name,
      MediaStack stack,
      RTCConfiguration configuration,
      Duration timeout,
      RemoteAudioListener audioListener,
      boolean sendAudio,
      Consumer<RTCPeerConnectionState> stateListener) {
    this.name = name;
    this.stack = stack;
    this.timeout = timeout;
    this.pc =
        stack.factory.createPeerConnection(
            configuration,
            new PeerConnectionObserver() {
              @Override
              public void onIceCandidate(RTCIceCandidate candidate) {
                // The server is ICE-lite: it learns our address from the checks.
              }

              @Override
              public void onConnectionChange(RTCPeerConnectionState newState) {
                state = newState;
                if (newState == RTCPeerConnectionState.CONNECTED) {
                  connected.complete(null);
                } else if (newState == RTCPeerConnectionState.FAILED
                    || newState == RTCPeerConnectionState.CLOSED) {
                  connected.completeExceptionally(
                      new IllegalStateException("connection " + newState));
                }
                stateListener.accept(newState);
              }
            });
    if (pc == null) {
      throw new IllegalStateException("webrtc-java could not create a peer connection");
    }
    RTCRtpTransceiverInit send = new RTCRtpTransceiverInit();
    // Inactive until the attendee may speak (a replica viewer before promotion): no send stream,
    // so the audio module never opens the microphone for a spectator.
    send.direction =
        sendAudio ? RTCRtpTransceiverDirection.SEND_ONLY : RTCRtpTransceiverDirection.INACTIVE;
    send.streamIds = List.of(name);
    microphone = pc.addTransceiver(stack.microphone, send);
    RTCRtpTransceiver audioIn = pc.addTransceiver(stack.receiveAudioPlaceholder, recvOnly());
    remoteAudio = (AudioTrack) audioIn.getReceiver().getTrack();
    if (audioListener != null) {
      remoteAudioSink =
          (data, bits, rate, channels, frames) -> {
            if (bits == 16) {
              audioListener.onAudio(data, rate, channels, frames);
            }
          };
      remoteAudio.addSink(remoteAudioSink);
    } else {
      remoteAudioSink = null;
    }
  }

  RTCPeerConnectionState state() {
    return state;
  }

  /** Waits until ICE and DTLS are up. */
  void awaitConnected() {
    NativeCalls.await(name + ": connection", connected, timeout);
  }

  /** Creates an offer and sets it as local description; returns its SDP. */
  String createOffer(boolean iceRestart) {
    CompletableFuture<RTCSessionDescription> created = new CompletableFuture<>();
    RTCOfferOptions options = new RTCOfferOptions();
    options.iceRestart = iceRestart;
    pc.createOffer(
        options,
        new CreateSessionDescriptionObserver() {
          @Override
          public void onSuccess(RTCSessionDescription description) {
            created.complete(description);
          }

          @Override
          public void onFailure(String error) {
            created.completeExceptionally(new IllegalStateException(error));
          }
        });
    RTCSessionDescription offer = NativeCalls.await(name + ": createOffer", created, timeout);
    setDescription(offer, true);
    RTCSessionDescription local = pc.getLocalDescription();
    return local != null ? local.sdp : offer.sdp;
  }

  /** Applies the server's answer to the pending offer. */
  void applyAnswer(String sdp) {
    setDescription(new RTCSessionDescription(RTCSdpType.ANSWER, sdp), false);
  }

  /** Abandons a pending offer (the server refused it) so the next one starts from stable. */
  void rollback() {
    try {
      setDescription(new RTCSessionDescription(RTCSdpType.ROLLBACK, ""), true);
    } catch (RuntimeException e) {
      // nothing pending
    }
  }

  private void setDescription(RTCSessionDescription description, boolean local) {
    String what = name + (local ? ": setLocalDescription " : ": setRemoteDescription ");
    CompletableFuture<Void> done = new CompletableFuture<>();
    SetSessionDescriptionObserver observer =
        new SetSessionDescriptionObserver() {
          @Override
          public void onSuccess() {
            done.complete(null);
          }

          @Override
          public void onFailure(String error) {
            done.completeExceptionally(new IllegalStateException(error));
          }
        };
    try {
      if (local) {
        pc.setLocalDescription(description, observer);
      } else {
        pc.setRemoteDescription(description, observer);
      }
    } catch (RuntimeException | Error e) {
      // webrtc-java throws java.lang.Error at once for SDP it cannot parse.
      throw new NativeCalls.MediaOperationException(what + "failed: " + e.getMessage(), e);
    }
    NativeCalls.await(what + description.sdpType, done, timeout);
  }

  boolean isConnected() {
    return state == RTCPeerConnectionState.CONNECTED;
  }

  /** Sends the microphone (send-only) or not (inactive); renegotiate afterwards. */
  void setMicrophoneSending(boolean send) {
    microphone.setDirection(
        send ? RTCRtpTransceiverDirection.SEND_ONLY : RTCRtpTransceiverDirection.INACTIVE);
  }

  /** A free recv-only video slot, reusing one the server answered inactive before. */
  RemoteVideoSlot freeSlot() {
    for (RemoteVideoSlot slot : slots) {
      if (slot.tile() == null) {
        return slot;
      }
    }
    VideoTrack placeholder =
        stack.factory.createVideoTrack(
            name + "-receive-video-" + TRACK_IDS.incrementAndGet(), stack.receivePlaceholder());
    RemoteVideoSlot slot = new RemoteVideoSlot(pc.addTransceiver(placeholder, recvOnly()));
    slots.add(slot);
    return slot;
  }

  List<RemoteVideoSlot> slots() {
    return slots;
  }

  /**
   * Sends {@code track} on the video transceiver (added on first use, with two simulcast layers if
   * asked: libwebrtc names them rid 0 = half size and rid 1 = full size), or stops sending when
   * {@code track} is null. Renegotiate afterwards.
   */
  void setLocalVideo(VideoTrack track, boolean simulcast) {
    if (track == null) {
      if (videoSender != null) {
        videoSender.setDirection(RTCRtpTransceiverDirection.INACTIVE);
      }
      return;
    }
    if (videoSender == null) {
      RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
      init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
      init.streamIds = List.of(name);
      if (simulcast) {
        RTCRtpEncodingParameters half = new RTCRtpEncodingParameters();
        half.scaleResolutionDownBy = 2.0;
        RTCRtpEncodingParameters full = new RTCRtpEncodingParameters();
        full.scaleResolutionDownBy = 1.0;
        init.sendEncodings = List.of(half, full);
      }
      videoSender = pc.addTransceiver(track, init);
    } else {
      videoSender.getSender().replaceTrack(track);
      videoSender.setDirection(RTCRtpTransceiverDirection.SEND_ONLY);
    }
  }

  /**
   * Sends {@code track} as a content share on its own send-only transceiver (added on first use,
   * one stream, no simulcast), or stops sending it when {@code track} is null. Renegotiate
   * afterwards, naming {@link #contentMid()} in the offer's {@code contentMids}.
   */
  void setContentVideo(VideoTrack track) {
    if (track == null) {
      if (contentSender != null) {
        contentSender.setDirection(RTCRtpTransceiverDirection.INACTIVE);
      }
      return;
    }
    if (contentSender == null) {
      RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
      init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
      init.streamIds = List.of(name + "#content");
      contentSender = pc.addTransceiver(track, init);
    } else {
      contentSender.getSender().replaceTrack(track);
      contentSender.setDirection(RTCRtpTransceiverDirection.SEND_ONLY);
    }
  }

  /** The content share transceiver's mid once negotiated, else null. */
  String contentMid() {
    return contentSender == null ? null : contentSender.getMid();
  }

  /** Closes the connection (bounded); the stack's sources stay for a successor. Idempotent. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (RemoteVideoSlot slot : slots) {
      slot.detach();
    }
    if (remoteAudioSink != null) {
      NativeCalls.quietly(
          name + ": remove audio sink", timeout, () -> remoteAudio.removeSink(remoteAudioSink));
    }
    NativeCalls.quietly(name + ": pc.close()", timeout, pc::close);
  }

  String microphoneMid() {
    return microphone.getMid();
  }

  private static RTCRtpTransceiverInit recvOnly() {
    RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
    init.direction = RTCRtpTransceiverDirection.RECV_ONLY;
    return init;
  }
}
