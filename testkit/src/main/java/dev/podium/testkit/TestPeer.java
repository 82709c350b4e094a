package dev.podium.testkit;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDtlsTransport;
import dev.onvoid.webrtc.RTCDtlsTransportObserver;
import dev.onvoid.webrtc.RTCDtlsTransportState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real webrtc-java peer connection for integration tests against Podium's ICE-lite SFU on
 * 127.0.0.1: optional sent audio (a tone or any {@link PcmSource}) and video ({@link VideoPattern},
 * optionally two simulcast layers), recvonly transceivers whose decoded media is observed ({@link
 * ReceivedAudio}, {@link ReceivedVideo}), and blocking, time-limited signaling helpers.
 *
 * <p>Typical use: {@code String offer = peer.createOffer();} send it to the server, {@code
 * peer.setAnswer(answer); peer.awaitConnected(Duration.ofSeconds(5));}. To receive more streams
 * later: {@link #addReceiveVideo(int)}, then {@link #createOffer()} and {@link #setAnswer} again.
 *
 * <p>The peer is always the offerer. Callbacks from libwebrtc only record state and return; all
 * waiting happens on the caller's thread with a limit. {@link #close()} is idempotent.
 */
public final class TestPeer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TestPeer.class);

  private final PeerEnvironment env;
  private final PeerConfig config;
  private final RTCPeerConnection pc;
  private final Object stateLock = new Object();
  private final Object signalingLock = new Object();
  private final List<StateChange> stateChanges = new CopyOnWriteArrayList<>();
  private final List<String> localCandidates = new CopyOnWriteArrayList<>();
  private final List<ReceivedAudio> receivedAudio = new CopyOnWriteArrayList<>();
  private final List<ReceivedVideo> receivedVideo = new CopyOnWriteArrayList<>();
  private final List<RTCRtpTransceiver> receiveAudioTransceivers = new ArrayList<>();
  private final List<RTCRtpTransceiver> receiveVideoTransceivers = new ArrayList<>();
  private final List<Runnable> sinkRemovals = new ArrayList<>();
  private final AtomicInteger trackIds = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  private volatile RTCPeerConnectionState connectionState = RTCPeerConnectionState.NEW;
  private volatile RTCIceConnectionState iceState = RTCIceConnectionState.NEW;
  private volatile RTCDtlsTransportState dtlsState = RTCDtlsTransportState.NEW;
  private volatile RTCSignalingState signalingState = RTCSignalingState.STABLE;
  private volatile RTCIceGatheringState gatheringState = RTCIceGatheringState.NEW;
  private volatile AudioPump.Feed audioFeed;
  private volatile String lastOffer;
  private CustomAudioSource audioSource;
  private CustomVideoSource videoSource;
  private VideoFeed videoFeed;
  private RTCRtpTransceiver audioTransceiver;
  private RTCRtpTransceiver videoTransceiver;
  private RTCDtlsTransport dtlsTransport;

  TestPeer(PeerEnvironment env, PeerConfig config) {
    this.env = env;
    this.config = config;
    this.pc =
        env.factory()
            .createPeerConnection(
                LoopbackRtcConfig.rtcConfiguration(config.minPort(), config.maxPort()),
                new Observer());
    if (pc == null) {
      throw new PeerOperationException(config.name() + ": createPeerConnection returned null");
    }
    try {
      if (config.audio() != null) {
        addSendAudio(config.audio());
      }
      if (config.video() != null) {
        addSendVideo(config.video());
      }
      addReceiveAudio(config.receiveAudio());
      addReceiveVideo(config.receiveVideo());
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  // ---------------------------------------------------------------- building

  private void addSendAudio(AudioSend audio) {
    audioSource = new CustomAudioSource();
    AudioTrack track = env.factory().createAudioTrack(config.name() + "-audio", audioSource);
    RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
    init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
    init.streamIds = List.of(config.name());
    audioTransceiver = pc.addTransceiver(track, init);
    audioFeed = env.audioPump().add(config.name(), audioSource, audio.source());
  }

  private void addSendVideo(VideoSend video) {
    videoSource = new CustomVideoSource();
    VideoTrack track = env.factory().createVideoTrack(config.name() + "-video", videoSource);
    RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
    init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
    init.streamIds = List.of(config.name());
    if (video.simulcastLayers() > 1) {
      // libwebrtc names these rid 0 (half size) and rid 1 (full size); no rid field in the API.
      List<RTCRtpEncodingParameters> encodings = new ArrayList<>();
      for (int layer = 0; layer < video.simulcastLayers(); layer++) {
        RTCRtpEncodingParameters encoding = new RTCRtpEncodingParameters();
        encoding.scaleResolutionDownBy = (double) (1 << (video.simulcastLayers() - 1 - layer));
        encodings.add(encoding);
      }
      init.sendEncodings = encodings;
    }
    videoTransceiver = pc.addTransceiver(track, init);
    videoFeed = new VideoFeed(config.name(), videoSource, video);
    videoFeed.start(env.videoExecutor());
  }

  /**
   * Adds {@code n} recvonly audio transceivers. After the first offer, call {@link #createOffer()}
   * and {@link #setAnswer} again to negotiate them.
   *
   * @return the observers of the new transceivers, in order
   */
  public List<ReceivedAudio> addReceiveAudio(int n) {
    checkOpen();
    List<ReceivedAudio> added = new ArrayList<>();
    synchronized (signalingLock) {
      for (int i = 0; i < n; i++) {
        AudioTrack placeholder =
            env.factory().createAudioTrack(nextTrackId("rx-audio"), env.receiveAudioPlaceholder());
        RTCRtpTransceiver transceiver = pc.addTransceiver(placeholder, recvOnly());
        AudioTrack remote = (AudioTrack) transceiver.getReceiver().getTrack();
        ReceivedAudio observed = new ReceivedAudio(config.name(), receivedAudio.size());
        remote.addSink(observed.sink());
        sinkRemovals.add(() -> remote.removeSink(observed.sink()));
        receiveAudioTransceivers.add(transceiver);
        receivedAudio.add(observed);
        added.add(observed);
      }
    }
    return added;
  }

  /**
   * Adds {@code n} recvonly video transceivers. After the first offer, call {@link #createOffer()}
   * and {@link #setAnswer} again to negotiate them.
   *
   * @return the observers of the new transceivers, in order
   */
  public List<ReceivedVideo> addReceiveVideo(int n) {
    checkOpen();
    List<ReceivedVideo> added = new ArrayList<>();
    synchronized (signalingLock) {
      for (int i = 0; i < n; i++) {
        VideoTrack placeholder =
            env.factory().createVideoTrack(nextTrackId("rx-video"), env.receiveVideoPlaceholder());
        RTCRtpTransceiver transceiver = pc.addTransceiver(placeholder, recvOnly());
        VideoTrack remote = (VideoTrack) transceiver.getReceiver().getTrack();
        ReceivedVideo observed = new ReceivedVideo(config.name(), receivedVideo.size());
        remote.addSink(observed.sink());
        // Never VideoTrack.dispose() (it throws); removing our sink is enough.
        sinkRemovals.add(() -> remote.removeSink(observed.sink()));
        receiveVideoTransceivers.add(transceiver);
        receivedVideo.add(observed);
        added.add(observed);
      }
    }
    return added;
  }

  private String nextTrackId(String kind) {
    return config.name() + "-" + kind + "-" + trackIds.incrementAndGet();
  }

  private static RTCRtpTransceiverInit recvOnly() {
    RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
    init.direction = RTCRtpTransceiverDirection.RECV_ONLY;
    return init;
  }

  // ---------------------------------------------------------------- signaling

  /**
   * Creates an offer, sets it as local description and returns its SDP (with the candidates
   * gathered so far; an ICE-lite server needs none).
   *
   * @throws PeerOperationException with libwebrtc's error text if either step fails
   * @throws PeerTimeoutException if a step does not complete within the operation timeout
   */
  public String createOffer() {
    synchronized (signalingLock) {
      checkOpen();
      CompletableFuture<RTCSessionDescription> created = new CompletableFuture<>();
      String what = config.name() + ": createOffer";
      pc.createOffer(
          new RTCOfferOptions(),
          new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
              created.complete(description);
            }

            @Override
            public void onFailure(String error) {
              Guard.fail(created, what, error);
            }
          });
      RTCSessionDescription offer = Guard.await(what, config.operationTimeout(), created);
      setDescription(offer, true);
      updateMids();
      watchDtlsTransport();
      RTCSessionDescription local = pc.getLocalDescription();
      lastOffer = local != null ? local.sdp : offer.sdp;
      return lastOffer;
    }
  }

  /**
   * Applies the server's answer to the last offer.
   *
   * <p>For a peer that sends audio this also suspends every peer's audio pushes until this peer is
   * CONNECTED plus the recording stop delay (see {@link AudioPump} for why).
   *
   * @throws PeerOperationException with libwebrtc's error text if the answer is rejected
   * @throws PeerTimeoutException if libwebrtc does not answer within the operation timeout
   */
  public void setAnswer(String sdp) {
    synchronized (signalingLock) {
      checkOpen();
      boolean holdAudio = audioFeed != null;
      if (holdAudio) {
        env.audioPump().hold(this);
      }
      try {
        setDescription(new RTCSessionDescription(RTCSdpType.ANSWER, sdp), false);
      } catch (RuntimeException e) {
        if (holdAudio) {
          env.audioPump().release(this);
        }
        throw e;
      }
      if (holdAudio && connectionState == RTCPeerConnectionState.CONNECTED) {
        // Renegotiation of a connected peer: no new CONNECTED event will come.
        env.audioPump().release(this);
      }
      updateMids();
      watchDtlsTransport();
    }
  }

  private void setDescription(RTCSessionDescription description, boolean local) {
    String what =
        config.name()
            + (local ? ": setLocalDescription(" : ": setRemoteDescription(")
            + description.sdpType
            + ")";
    CompletableFuture<Void> done = new CompletableFuture<>();
    SetSessionDescriptionObserver observer =
        new SetSessionDescriptionObserver() {
          @Override
          public void onSuccess() {
            done.complete(null);
          }

          @Override
          public void onFailure(String error) {
            Guard.fail(done, what, error);
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
      throw new PeerOperationException(what + " failed: " + e.getMessage(), e);
    }
    Guard.await(what, config.operationTimeout(), done);
  }

  private void updateMids() {
    for (int i = 0; i < receiveAudioTransceivers.size(); i++) {
      receivedAudio.get(i).setMid(receiveAudioTransceivers.get(i).getMid());
    }
    for (int i = 0; i < receiveVideoTransceivers.size(); i++) {
      receivedVideo.get(i).setMid(receiveVideoTransceivers.get(i).getMid());
    }
  }

  private void watchDtlsTransport() {
    if (dtlsTransport != null) {
      return;
    }
    try {
      for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
        RTCDtlsTransport transport = transceiver.getSender().getTransport();
        if (transport != null) {
          transport.registerObserver(new DtlsObserver());
          dtlsTransport = transport;
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("{}: cannot observe the DTLS transport: {}", config.name(), e.toString());
    }
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Waits until the peer connection state is CONNECTED (ICE and DTLS up).
   *
   * @throws PeerOperationException at once if the connection FAILED or CLOSED
   * @throws PeerTimeoutException with every state seen if not connected in time
   */
  public TestPeer awaitConnected(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (stateLock) {
      while (connectionState != RTCPeerConnectionState.CONNECTED) {
        if (connectionState == RTCPeerConnectionState.FAILED
            || connectionState == RTCPeerConnectionState.CLOSED) {
          throw new PeerOperationException(
              config.name() + ": connection " + connectionState + "; " + describeStates());
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new PeerTimeoutException(
              config.name() + ": not CONNECTED within " + timeout + "; " + describeStates());
        }
        try {
          stateLock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new PeerOperationException(config.name() + ": interrupted awaiting CONNECTED", e);
        }
      }
    }
    return this;
  }

  /**
   * Waits until ICE gathering is complete and returns the local description's SDP, which then
   * carries the gathered candidates. Not needed with an ICE-lite server (it learns the peer's
   * address from the checks), but useful to see what the peer advertises.
   *
   * @throws PeerTimeoutException if gathering does not complete in time
   */
  public String awaitIceGatheringComplete(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (stateLock) {
      while (gatheringState != RTCIceGatheringState.COMPLETE) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new PeerTimeoutException(
              config.name()
                  + ": ICE gathering not complete within "
                  + timeout
                  + "; "
                  + describeStates());
        }
        try {
          stateLock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new PeerOperationException(config.name() + ": interrupted awaiting gathering", e);
        }
      }
    }
    synchronized (signalingLock) {
      checkOpen();
      RTCSessionDescription local = pc.getLocalDescription();
      if (local == null) {
        throw new IllegalStateException(config.name() + " has no local description");
      }
      return local.sdp;
    }
  }

  /**
   * Waits until this peer's audio is really being pushed: connected, the recording stop done, and
   * {@code blocks} more 10 ms blocks pushed.
   *
   * @throws IllegalStateException if the peer sends no audio
   */
  public TestPeer awaitAudioPushed(int blocks, Duration timeout) {
    AudioPump.Feed feed = audioFeed;
    if (feed == null) {
      throw new IllegalStateException(config.name() + " sends no audio");
    }
    long target = feed.pushedBlocks() + blocks;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (feed.pushedBlocks() < target || env.audioPump().isHeld(this)) {
      if (System.nanoTime() - deadline > 0) {
        throw new PeerTimeoutException(
            config.name()
                + ": "
                + blocks
                + " audio blocks not pushed within "
                + timeout
                + " (pushed "
                + feed.pushedBlocks()
                + ", held "
                + env.audioPump().isHeld(this)
                + ")");
      }
      sleepBriefly();
    }
    return this;
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerOperationException("interrupted", e);
    }
  }

  private String describeStates() {
    return "connection="
        + connectionState
        + " ice="
        + iceState
        + " dtls="
        + dtlsState
        + " signaling="
        + signalingState
        + " gathering="
        + gatheringState
        + " seen="
        + stateChanges;
  }

  // ---------------------------------------------------------------- observations

  /** The peer's name. */
  public String name() {
    return config.name();
  }

  /** The configuration the peer was built from. */
  public PeerConfig config() {
    return config;
  }

  /** Current RTCPeerConnectionState. */
  public RTCPeerConnectionState connectionState() {
    return connectionState;
  }

  /** Current (standardized) ICE connection state. */
  public RTCIceConnectionState iceConnectionState() {
    return iceState;
  }

  /** Current DTLS transport state (NEW until the transport exists). */
  public RTCDtlsTransportState dtlsState() {
    return dtlsState;
  }

  /** Current signaling state. */
  public RTCSignalingState signalingState() {
    return signalingState;
  }

  /** Every state change seen so far, in arrival order. */
  public List<StateChange> stateChanges() {
    return List.copyOf(stateChanges);
  }

  /** Local candidate lines ({@code candidate:...}) gathered so far. */
  public List<String> localCandidates() {
    return List.copyOf(localCandidates);
  }

  /** SDP of the last offer made by {@link #createOffer()}, or {@code null}. */
  public String lastOffer() {
    return lastOffer;
  }

  /** Observers of the recvonly audio transceivers, in the order added. */
  public List<ReceivedAudio> receivedAudio() {
    return List.copyOf(receivedAudio);
  }

  /** Observers of the recvonly video transceivers, in the order added. */
  public List<ReceivedVideo> receivedVideo() {
    return List.copyOf(receivedVideo);
  }

  /** The recvonly video observer whose transceiver has {@code mid}. */
  public Optional<ReceivedVideo> receivedVideo(String mid) {
    return receivedVideo.stream().filter(v -> mid.equals(v.mid())).findFirst();
  }

  /** The recvonly audio observer whose transceiver has {@code mid}. */
  public Optional<ReceivedAudio> receivedAudio(String mid) {
    return receivedAudio.stream().filter(a -> mid.equals(a.mid())).findFirst();
  }

  /** 10 ms audio blocks pushed so far (0 if the peer sends no audio). */
  public long audioBlocksPushed() {
    AudioPump.Feed feed = audioFeed;
    return feed == null ? 0 : feed.pushedBlocks();
  }

  /** Video frames pushed so far (0 if the peer sends no video). */
  public long videoFramesPushed() {
    return videoFeed == null ? 0 : videoFeed.pushedFrames();
  }

  /** Mid of the sent audio transceiver, or {@code null}. Do not call after {@link #close()}. */
  public String sentAudioMid() {
    return audioTransceiver == null ? null : audioTransceiver.getMid();
  }

  /** Mid of the sent video transceiver, or {@code null}. Do not call after {@link #close()}. */
  public String sentVideoMid() {
    return videoTransceiver == null ? null : videoTransceiver.getMid();
  }

  /**
   * The underlying connection, for what the harness does not cover (e.g. {@code getStats}). Do not
   * close it yourself and do not use it after {@link #close()} (webrtc-java then throws).
   */
  public RTCPeerConnection peerConnection() {
    return pc;
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    return closed.get();
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException(config.name() + " is closed");
    }
  }

  // ---------------------------------------------------------------- closing

  /**
   * Stops this peer's pushers, removes its sinks, closes the connection (bounded by the
   * environment's shutdown timeout) and disposes its sources. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (videoFeed != null) {
        videoFeed.stop();
      }
      AudioPump.Feed feed = audioFeed;
      if (feed != null) {
        env.audioPump().remove(feed);
        env.audioPump().release(this);
      }
      synchronized (signalingLock) {
        for (Runnable removal : sinkRemovals) {
          quietly("remove sink", removal);
        }
        sinkRemovals.clear();
        if (dtlsTransport != null) {
          quietly("unregister DTLS observer", dtlsTransport::unregisterObserver);
        }
        env.guard().run(config.name() + ": pc.close()", env.options().shutdownTimeout(), pc::close);
        if (connectionState != RTCPeerConnectionState.CLOSED) {
          LOG.debug(
              "{}: closed without a CLOSED callback (last {})", config.name(), connectionState);
        }
        if (audioSource != null) {
          quietly("dispose audio source", audioSource::dispose);
        }
        if (videoSource != null) {
          quietly("dispose video source", videoSource::dispose);
        }
      }
    } finally {
      env.forget(this);
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      LOG.warn("{}: close after failed creation failed", config.name(), e);
    }
  }

  private void quietly(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("{}: {} failed: {}", config.name(), what, e.toString());
    }
  }

  private void recordState(StateChange.Kind kind, String state) {
    stateChanges.add(new StateChange(System.nanoTime(), kind, state));
    synchronized (stateLock) {
      stateLock.notifyAll();
    }
  }

  @Override
  public String toString() {
    return "TestPeer[" + config.name() + " " + connectionState + "]";
  }

  /** Records libwebrtc's callbacks (signaling thread) and returns at once. */
  private final class Observer implements PeerConnectionObserver {
    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
      localCandidates.add(candidate.sdp);
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
      connectionState = state;
      if (audioFeed != null) {
        switch (state) {
          case CONNECTED, FAILED, CLOSED -> env.audioPump().release(TestPeer.this);
            // A transport that stops being writable stops the audio send stream; when it comes
            // back libwebrtc restarts the module's recording, so pushes must pause again.
          case DISCONNECTED -> env.audioPump().hold(TestPeer.this);
          default -> {}
        }
      }
      recordState(StateChange.Kind.CONNECTION, state.name());
    }

    @Override
    public void onStandardizedIceConnectionChange(RTCIceConnectionState state) {
      iceState = state;
      recordState(StateChange.Kind.ICE, state.name());
    }

    @Override
    public void onSignalingChange(RTCSignalingState state) {
      signalingState = state;
      recordState(StateChange.Kind.SIGNALING, state.name());
    }

    @Override
    public void onIceGatheringChange(RTCIceGatheringState state) {
      gatheringState = state;
      recordState(StateChange.Kind.GATHERING, state.name());
    }
  }

  /** Records DTLS transport changes (network thread) and returns at once. */
  private final class DtlsObserver implements RTCDtlsTransportObserver {
    @Override
    public void onStateChange(RTCDtlsTransportState state) {
      dtlsState = state;
      recordState(StateChange.Kind.DTLS, state.name());
    }

    @Override
    public void onError(String error) {
      recordState(StateChange.Kind.DTLS_ERROR, error);
    }
  }

  /**
   * Builds a {@link TestPeer} in a {@link PeerEnvironment}; see {@link PeerEnvironment#newPeer}.
   */
  public static final class Builder {
    private final PeerEnvironment env;
    private final String name;
    private AudioSend audio;
    private VideoSend video;
    private int receiveAudio;
    private int receiveVideo;
    private Duration operationTimeout = PeerConfig.DEFAULT_OPERATION_TIMEOUT;
    private int minPort;
    private int maxPort;

    Builder(PeerEnvironment env, String name) {
      this.env = env;
      this.name = name;
    }

    /** Sends a continuous sine tone of {@code hz}. */
    public Builder sendAudio(double hz) {
      this.audio = AudioSend.tone(hz);
      return this;
    }

    /** Sends audio from {@code source} (48 kHz mono 16-bit). */
    public Builder sendAudio(PcmSource source) {
      this.audio = new AudioSend(source, "custom PCM");
      return this;
    }

    /** Sends audio as described. */
    public Builder sendAudio(AudioSend audio) {
      this.audio = audio;
      return this;
    }

    /** Sends synthetic video with 1 or 2 simulcast layers. */
    public Builder sendVideo(int width, int height, int fps, int simulcastLayers) {
      this.video = new VideoSend(width, height, fps, simulcastLayers);
      return this;
    }

    /** Sends video as described. */
    public Builder sendVideo(VideoSend video) {
      this.video = video;
      return this;
    }

    /** Adds one recvonly audio transceiver. */
    public Builder receiveAudio() {
      return receiveAudio(receiveAudio + 1);
    }

    /** Sets the number of recvonly audio transceivers. */
    public Builder receiveAudio(int count) {
      this.receiveAudio = count;
      return this;
    }

    /** Sets the number of recvonly video transceivers. */
    public Builder receiveVideo(int count) {
      this.receiveVideo = count;
      return this;
    }

    /** Limit for each signaling call. */
    public Builder operationTimeout(Duration timeout) {
      this.operationTimeout = timeout;
      return this;
    }

    /** Restricts the local UDP port to {@code [min, max]}. */
    public Builder portRange(int min, int max) {
      this.minPort = min;
      this.maxPort = max;
      return this;
    }

    /** The configuration built so far. */
    public PeerConfig config() {
      return new PeerConfig(
          name, audio, video, receiveAudio, receiveVideo, operationTimeout, minPort, maxPort);
    }

    /** Creates the peer. */
    public TestPeer build() {
      return env.createPeer(config());
    }
  }
}
