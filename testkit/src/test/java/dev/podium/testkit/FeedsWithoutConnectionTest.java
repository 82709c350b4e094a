package dev.podium.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The generators run without a connection (no server here) and do not crash the JVM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class FeedsWithoutConnectionTest {

  private PeerEnvironment env;

  @BeforeAll
  void start() {
    env = PeerEnvironment.create();
  }

  @AfterAll
  void stop() {
    env.close();
  }

  @Test
  void audioAndSimulcastVideoPushForOneSecondBeforeAndAfterOffer() throws Exception {
    try (TestPeer peer =
        env.newPeer("idle").sendAudio(440).sendVideo(640, 360, 30, 2).receiveVideo(1).build()) {
      Thread.sleep(500);
      peer.createOffer();
      Thread.sleep(500);

      assertThat(peer.videoFramesPushed()).isGreaterThanOrEqualTo(20);
      assertThat(peer.audioBlocksPushed()).isGreaterThanOrEqualTo(60);
      assertThat(peer.receivedVideo().get(0).frameCount()).isZero();
      assertThat(env.audioRecordingStops()).isZero();
    }
  }

  @Test
  void manyIdlePeersShareTheEnvironmentPushers() throws Exception {
    int peers = 10;
    TestPeer[] all = new TestPeer[peers];
    for (int i = 0; i < peers; i++) {
      all[i] = env.newPeer("crowd" + i).sendAudio(300 + 50 * i).sendVideo(160, 96, 10, 1).build();
    }
    Thread.sleep(1000);
    for (TestPeer peer : all) {
      assertThat(peer.audioBlocksPushed()).isGreaterThanOrEqualTo(50);
      assertThat(peer.videoFramesPushed()).isGreaterThanOrEqualTo(5);
      peer.close();
    }
  }

  @Test
  void patternCounterSurvivesRenderingAndHalving() {
    VideoPattern pattern = new VideoPattern(640, 360);
    NativeI420Buffer frame = NativeI420Buffer.allocate(640, 360);
    try {
      pattern.render(frame, 12_345);
      assertThat(VideoPattern.readCounter(frame)).hasValue(12_345);

      var half = frame.cropAndScale(0, 0, 640, 360, 320, 180);
      assertThat(VideoPattern.readCounter(half.toI420())).hasValue(12_345);
      half.release();

      pattern.render(frame, 65_536 + 7);
      assertThat(VideoPattern.readCounter(frame)).hasValue(7);
    } finally {
      frame.release();
    }
  }

  @Test
  void patternMovesBetweenFrames() {
    VideoPattern pattern = new VideoPattern(320, 180);
    NativeI420Buffer a = NativeI420Buffer.allocate(320, 180);
    NativeI420Buffer b = NativeI420Buffer.allocate(320, 180);
    try {
      pattern.render(a, 1);
      pattern.render(b, 2);
      int row = 100 * a.getStrideY();
      assertThat(a.getDataY().get(row + 50)).isNotEqualTo(b.getDataY().get(row + 50));
    } finally {
      a.release();
      b.release();
    }
  }

  @Test
  void awaitFramesTimesOutWithAClearMessage() {
    try (TestPeer peer = env.newPeer("lonely").receiveVideo(1).receiveAudio().build()) {
      peer.createOffer();
      ReceivedVideo video = peer.receivedVideo().get(0);

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> video.awaitFrames(1, Duration.ofMillis(200)))
          .isInstanceOf(PeerTimeoutException.class)
          .hasMessageContaining("lonely")
          .hasMessageContaining("mid 1");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> peer.awaitConnected(Duration.ofMillis(200)))
          .isInstanceOf(PeerTimeoutException.class)
          .hasMessageContaining("not CONNECTED");
    }
  }
}
