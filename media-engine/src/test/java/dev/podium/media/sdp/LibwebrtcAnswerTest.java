package dev.podium.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import dev.onvoid.webrtc.RTCRtpCodecParameters;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Feeds answers from {@link AnswerBuilder} to a real libwebrtc (webrtc-java 0.14.0) offerer. ICE
 * then checks 127.0.0.1 and fails harmlessly; run it only inside {@code tools/loopback-only}.
 */
class LibwebrtcAnswerTest {
  private static final long TIMEOUT_SECONDS = 10;
  private static final OutgoingStream MIX = new OutgoingStream(1111, 0, "podium", "mix", "mix-a");

  private static HeadlessAudioDeviceModule audioModule;
  private static PeerConnectionFactory factory;
  private static CustomAudioSource audioSource;
  private static CustomVideoSource videoSource;

  /** The offers of the fixtures, made live. */
  enum Scenario {
    SIMULCAST_PUBLISHER,
    SINGLE_PUBLISHER,
    VIEWER,
    RENEGOTIATION,
    DATA_CHANNEL_REJECTED
  }

  @BeforeAll
  static void startFactory() {
    assumeTrue(
        "1".equals(System.getenv("PODIUM_IN_LOOPBACK_NS")),
        "libwebrtc peers run only inside tools/loopback-only (PODIUM_IN_LOOPBACK_NS=1)");
    audioModule = new HeadlessAudioDeviceModule();
    factory = new PeerConnectionFactory(audioModule);
    audioSource = new CustomAudioSource();
    videoSource = new CustomVideoSource();
  }

  @AfterAll
  static void stopFactory() {
    if (factory == null) {
      return;
    }
    audioSource.dispose();
    videoSource.dispose();
    factory.dispose();
    audioModule.dispose();
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void answerIsAcceptedByLibwebrtc(Scenario scenario) throws Exception {
    RTCPeerConnection pc = factory.createPeerConnection(loopbackConfiguration(), candidate -> {});
    List<RTCDataChannel> channels = new ArrayList<>();
    AnswerBuilder answerer =
        new AnswerBuilder(Fixtures.localTransport(40000), MediaPolicy.defaults());
    try {
      addTransceivers(pc, scenario, channels);
      String offer = negotiate(pc, answerer, scenario, "first offer");
      SessionDescription parsedOffer = SessionDescription.parse(offer);
      assertThat(parsedOffer.media()).isNotEmpty();

      switch (scenario) {
        case SIMULCAST_PUBLISHER, SINGLE_PUBLISHER -> {
          assertCurrentDirections(
              pc, RTCRtpTransceiverDirection.SEND_RECV, RTCRtpTransceiverDirection.SEND_ONLY);
          assertSenderCodecs(pc.getTransceivers()[1], "VP8", "rtx");
          assertSenderCodecs(pc.getTransceivers()[0], "opus");
          int encodings = pc.getTransceivers()[1].getSender().getParameters().encodings.size();
          assertThat(encodings).isEqualTo(scenario == Scenario.SIMULCAST_PUBLISHER ? 2 : 1);
        }
        case VIEWER ->
            assertCurrentDirections(
                pc,
                RTCRtpTransceiverDirection.RECV_ONLY,
                RTCRtpTransceiverDirection.RECV_ONLY,
                RTCRtpTransceiverDirection.RECV_ONLY,
                RTCRtpTransceiverDirection.INACTIVE);
        case RENEGOTIATION -> {
          for (int i = 0; i < 2; i++) {
            pc.addTransceiver(
                factory.createVideoTrack("recv-" + i, videoSource),
                init(RTCRtpTransceiverDirection.RECV_ONLY));
          }
          String second = negotiate(pc, answerer, scenario, "renegotiation offer");
          assertThat(SessionDescription.parse(second).media()).hasSize(4);
          assertCurrentDirections(
              pc,
              RTCRtpTransceiverDirection.SEND_RECV,
              RTCRtpTransceiverDirection.SEND_ONLY,
              RTCRtpTransceiverDirection.RECV_ONLY,
              RTCRtpTransceiverDirection.RECV_ONLY);
          assertThat(pc.getTransceivers()[1].getSender().getParameters().encodings).hasSize(2);
        }
        case DATA_CHANNEL_REJECTED ->
            assertCurrentDirections(pc, RTCRtpTransceiverDirection.SEND_RECV);
      }
    } finally {
      for (RTCDataChannel channel : channels) {
        channel.close();
        channel.dispose();
      }
      pc.close();
    }
  }

  private static void addTransceivers(
      RTCPeerConnection pc, Scenario scenario, List<RTCDataChannel> channels) {
    var audio = factory.createAudioTrack("audio-" + scenario, audioSource);
    var video = factory.createVideoTrack("video-" + scenario, videoSource);
    switch (scenario) {
      case SIMULCAST_PUBLISHER, RENEGOTIATION -> {
        pc.addTransceiver(audio, init(RTCRtpTransceiverDirection.SEND_RECV));
        pc.addTransceiver(video, init(RTCRtpTransceiverDirection.SEND_ONLY, 2.0, 1.0));
      }
      case SINGLE_PUBLISHER -> {
        pc.addTransceiver(audio, init(RTCRtpTransceiverDirection.SEND_RECV));
        pc.addTransceiver(video, init(RTCRtpTransceiverDirection.SEND_ONLY));
      }
      case VIEWER -> {
        pc.addTransceiver(audio, init(RTCRtpTransceiverDirection.RECV_ONLY));
        for (int i = 0; i < 3; i++) {
          pc.addTransceiver(
              factory.createVideoTrack("viewer-" + i, videoSource),
              init(RTCRtpTransceiverDirection.RECV_ONLY));
        }
      }
      case DATA_CHANNEL_REJECTED -> {
        pc.addTransceiver(audio, init(RTCRtpTransceiverDirection.SEND_RECV));
        channels.add(pc.createDataChannel("chat", new RTCDataChannelInit()));
      }
    }
  }

  /**
   * Offer, apply it locally, answer with Podium's decisions, apply the answer; returns the offer.
   */
  private static String negotiate(
      RTCPeerConnection pc, AnswerBuilder answerer, Scenario scenario, String step)
      throws Exception {
    CompletableFuture<RTCSessionDescription> created = new CompletableFuture<>();
    pc.createOffer(
        new RTCOfferOptions(),
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
    RTCSessionDescription offer = await(created, scenario + ": createOffer (" + step + ")");
    await(setDescription(pc, offer, true), scenario + ": setLocalDescription(" + step + ")");
    SdpAnswer answer =
        answerer.answer(SessionDescription.parse(offer.sdp), m -> decide(scenario, m));
    RTCSessionDescription remote = new RTCSessionDescription(RTCSdpType.ANSWER, answer.sdp());
    try {
      await(setDescription(pc, remote, false), scenario + ": setRemoteDescription(" + step + ")");
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nanswer was:\n" + answer.sdp(), e.getCause());
    }
    return offer.sdp;
  }

  /** Audio gets the mix; recvonly video gets a forwarded source, except the viewer's last. */
  private static MediaDecision decide(Scenario scenario, MediaDescription m) {
    return switch (m.kind()) {
      case AUDIO -> MediaDecision.sendReceive(MIX);
      case VIDEO -> {
        boolean idle = scenario == Scenario.VIEWER && m.mid().equals("3");
        yield m.direction() == Direction.RECVONLY && !idle
            ? MediaDecision.send(outgoingFor(m.mid()))
            : MediaDecision.receive();
      }
      default -> MediaDecision.reject();
    };
  }

  private static OutgoingStream outgoingFor(String mid) {
    int n = Integer.parseInt(mid);
    return new OutgoingStream(5000 + n, 6000 + n, "podium", "source-" + n, "video-" + n);
  }

  private static CompletableFuture<Void> setDescription(
      RTCPeerConnection pc, RTCSessionDescription description, boolean local) {
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
    if (local) {
      pc.setLocalDescription(description, observer);
    } else {
      pc.setRemoteDescription(description, observer);
    }
    return done;
  }

  private static <T> T await(CompletableFuture<T> future, String what) throws InterruptedException {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("libwebrtc rejected " + what + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "libwebrtc (webrtc-java native code) gave no callback for "
              + what
              + " within "
              + TIMEOUT_SECONDS
              + " s",
          e);
    }
  }

  private static void assertCurrentDirections(
      RTCPeerConnection pc, RTCRtpTransceiverDirection... expected) {
    RTCRtpTransceiver[] transceivers = pc.getTransceivers();
    List<RTCRtpTransceiverDirection> actual = new ArrayList<>();
    for (RTCRtpTransceiver transceiver : transceivers) {
      actual.add(transceiver.getCurrentDirection());
    }
    assertThat(actual).as("transceiver current directions").containsExactly(expected);
  }

  private static void assertSenderCodecs(RTCRtpTransceiver transceiver, String... names) {
    List<String> actual =
        transceiver.getSender().getParameters().codecs.stream()
            .map((RTCRtpCodecParameters c) -> c.codecName)
            .toList();
    assertThat(actual).as("codecs libwebrtc will send").containsExactly(names);
  }

  private static RTCRtpTransceiverInit init(
      RTCRtpTransceiverDirection direction, double... scales) {
    RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
    init.direction = direction;
    init.streamIds = List.of("stream-1");
    if (scales.length > 0) {
      init.sendEncodings = new ArrayList<>();
      for (double scale : scales) {
        RTCRtpEncodingParameters encoding = new RTCRtpEncodingParameters();
        encoding.scaleResolutionDownBy = scale;
        init.sendEncodings.add(encoding);
      }
    }
    return init;
  }

  private static RTCConfiguration loopbackConfiguration() {
    RTCConfiguration configuration = new RTCConfiguration();
    configuration.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
    configuration.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
    configuration
        .portAllocatorConfig
        .setDisableTcp(true)
        .setDisableStun(true)
        .setDisableRelay(true)
        .setDisableAdapterEnumeration(true)
        .setEnableAnyAddressPorts(true);
    return configuration;
  }
}
