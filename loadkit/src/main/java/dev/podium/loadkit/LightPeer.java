package dev.podium.loadkit;

import dev.podium.media.dtls.DtlsSrtpKeys;
import dev.podium.media.ice.IceCredentials;
import dev.podium.media.ice.StunMessage;
import dev.podium.media.ice.StunMessageEncoder;
import dev.podium.media.rtp.RtpPacket;
import dev.podium.media.srtp.SrtpProfile;
import dev.podium.media.srtp.SrtpResult;
import dev.podium.media.srtp.SrtpSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal receive-only WebRTC peer on Podium's media-engine classes: it offers one recvonly audio
 * and N recvonly video m-lines, then, once given the answer, runs ICE as the controlling agent
 * against the server's host candidate (RFC 8445 §7.2.2; checks every 50 ms until one succeeds, then
 * a consent refresh every 2.5 s, RFC 7675 §5.1), the DTLS-SRTP client handshake (RFC 5764), and
 * decrypts and counts the SRTP/SRTCP it receives. It sends no media and no RTCP.
 *
 * <p>Made by {@link LightPeerEngine#newPeer}; the engine's threads do all the work. Use: {@link
 * #createOffer()} → signaling → {@link #applyAnswer(String)} → {@link #awaitMedia}. A later answer
 * (renegotiation) only updates the SSRC-to-mid map; ICE and DTLS carry on.
 */
public final class LightPeer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LightPeer.class);

  private static final long CHECK_INTERVAL_MILLIS = 50;
  private static final long CONSENT_INTERVAL_MILLIS = 2_500;

  /** Our host candidate's priority (RFC 8445 §5.1.2.1: type 126, local 65535, component 1). */
  private static final long PRIORITY = (126L << 24) | (65535L << 8) | 255;

  /** Packets kept while DTLS finishes: the server may send media before we have the keys. */
  private static final int MAX_EARLY_PACKETS = 256;

  private static final long PICTURE_LOSS_FIRST_MILLIS = 250;
  private static final long PICTURE_LOSS_REPEAT_MILLIS = 500;

  private final LightPeerEngine engine;
  private final int videoSlots;
  private final IceCredentials local = IceCredentials.random();
  private final long tieBreaker = ThreadLocalRandom.current().nextLong();
  private final DatagramChannel channel;
  private final Map<Long, StreamCounter> streams = new ConcurrentHashMap<>();
  private final LongAdder rtcpPackets = new LongAdder();
  private final LongAdder authFailures = new LongAdder();
  private final LongAdder otherDrops = new LongAdder();
  private final AtomicBoolean handshakeStarted = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private volatile long joinStartedNanos = System.nanoTime();
  private volatile long iceConnectedNanos;
  private volatile long connectedAtNanos;
  private volatile long firstMediaNanos;
  private volatile AnswerSummary answer;
  private volatile String failure;
  private volatile ScheduledFuture<?> iceTimer;
  private volatile HandshakeTransport handshakeTransport;
  private volatile DTLSTransport dtls;

  // Receive loop only.
  private SrtpSession srtpIn;
  private SrtpSession srtpOut;
  private final Map<Long, Long> lastPictureLossNanos = new HashMap<>();
  private final int ownSsrc = ThreadLocalRandom.current().nextInt();
  private final LongAdder pictureLossSent = new LongAdder();
  private final ArrayDeque<byte[]> early = new ArrayDeque<>();
  private final RtpPacket rtp = new RtpPacket();

  LightPeer(LightPeerEngine engine, int videoSlots) {
    if (videoSlots < 0) {
      throw new IllegalArgumentException("videoSlots must not be negative");
    }
    this.engine = engine;
    this.videoSlots = videoSlots;
    try {
      channel = DatagramChannel.open(StandardProtocolFamily.INET);
      channel.bind(new InetSocketAddress("127.0.0.1", 0));
      channel.configureBlocking(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a UDP socket on 127.0.0.1", e);
    }
  }

  /** The local UDP address (127.0.0.1, ephemeral port). */
  public InetSocketAddress localAddress() {
    try {
      return (InetSocketAddress) channel.getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Number of receive-only video m-lines; their mids are "1" to this number, audio is "0". */
  public int videoSlots() {
    return videoSlots;
  }

  /** The mids of the video m-lines, in order. */
  public List<String> videoMids() {
    List<String> mids = new ArrayList<>(videoSlots);
    for (int i = 1; i <= videoSlots; i++) {
      mids.add(Integer.toString(i));
    }
    return mids;
  }

  /** Records "now" as the moment the join was sent, the start of {@link #joinToMediaNanos()}. */
  public void markJoinStarted() {
    joinStartedNanos = System.nanoTime();
  }

  /** The SDP offer (same text for renegotiations: same credentials, mids and fingerprint). */
  public String createOffer() {
    return OfferWriter.write(local, engine.certificate().fingerprint(), videoSlots);
  }

  /**
   * Applies the server's answer. The first one starts ICE, then DTLS; later ones only refresh the
   * SSRC map.
   *
   * @throws IllegalArgumentException when the answer lacks what the peer needs
   * @throws IllegalStateException when a later answer names another server transport
   */
  public void applyAnswer(String sdp) {
    AnswerSummary summary = AnswerSummary.of(sdp);
    AnswerSummary previous = answer;
    if (previous != null) {
      if (!previous.remote().equals(summary.remote())
          || !previous.iceUfrag().equals(summary.iceUfrag())) {
        throw new IllegalStateException("a renegotiation moved the server transport");
      }
      answer = summary;
      return;
    }
    answer = summary;
    try {
      channel.connect(summary.remote());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to " + summary.remote(), e);
    }
    engine.register(this, channel);
    scheduleCheck(0);
  }

  /** Whether the DTLS handshake completed and SRTP keys are in use. */
  public boolean isConnected() {
    return connectedAtNanos != 0;
  }

  /**
   * Waits until the DTLS handshake completed.
   *
   * @return true if connected within {@code timeout}; false on timeout, failure or close
   */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (connectedAtNanos == 0) {
      if (failure != null || closed.get() || System.nanoTime() >= deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** Why the peer failed (DTLS), or null. */
  public String failure() {
    return failure;
  }

  /** {@link System#nanoTime()} when DTLS completed, 0 before. */
  public long connectedAtNanos() {
    return connectedAtNanos;
  }

  /** Nanoseconds from {@link #markJoinStarted()} (or creation) to the first decrypted RTP; -1. */
  public long joinToMediaNanos() {
    long first = firstMediaNanos;
    return first == 0 ? -1 : first - joinStartedNanos;
  }

  /** A snapshot of the counters. */
  public LightPeerStats stats() {
    List<StreamStats> list = new ArrayList<>(streams.size());
    for (StreamCounter counter : streams.values()) {
      list.add(counter.snapshot());
    }
    return new LightPeerStats(
        joinStartedNanos,
        iceConnectedNanos,
        connectedAtNanos,
        firstMediaNanos,
        rtcpPackets.sum(),
        authFailures.sum(),
        otherDrops.sum(),
        pictureLossSent.sum(),
        list);
  }

  /**
   * Waits until at least {@code minAudioPackets} audio and {@code minVideoPackets} video RTP
   * packets decrypted and, if {@code minVideoPackets > 0}, a VP8 key frame began.
   *
   * @return true if reached within {@code timeout}, false otherwise (or if the peer failed)
   */
  public boolean awaitMedia(int minAudioPackets, int minVideoPackets, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      LightPeerStats stats = stats();
      if (stats.audioPackets() >= minAudioPackets
          && stats.videoPackets() >= minVideoPackets
          && (minVideoPackets == 0 || stats.videoKeyFrameSeen())) {
        return true;
      }
      if (failure != null || closed.get() || System.nanoTime() >= deadline) {
        return false;
      }
      Thread.sleep(10);
    }
  }

  /** Sends close_notify if connected, stops the timers and closes the socket. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ScheduledFuture<?> timer = iceTimer;
    if (timer != null) {
      timer.cancel(false);
    }
    DTLSTransport transport = dtls;
    if (transport != null) {
      try {
        transport.close();
      } catch (IOException e) {
        LOG.debug("close_notify failed", e);
      }
    }
    HandshakeTransport handshake = handshakeTransport;
    if (handshake != null) {
      handshake.close();
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing the socket failed", e);
    }
    engine.forget(this);
  }

  @Override
  public String toString() {
    return "LightPeer[" + local.ufrag() + " " + localAddress() + "]";
  }

  // ICE (timer thread and receive loop)

  private void scheduleCheck(long delayMillis) {
    if (closed.get()) {
      return;
    }
    try {
      iceTimer = engine.timer().schedule(this::sendCheck, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("engine stopped");
    }
  }

  private void sendCheck() {
    if (closed.get()) {
      return;
    }
    AnswerSummary summary = answer;
    byte[] transactionId = new byte[StunMessage.TRANSACTION_ID_LENGTH];
    ThreadLocalRandom.current().nextBytes(transactionId);
    byte[] request =
        StunMessageEncoder.bindingRequest(
            transactionId,
            summary.iceUfrag() + ":" + local.ufrag(),
            PRIORITY,
            tieBreaker,
            true,
            summary.icePwd().getBytes(StandardCharsets.UTF_8));
    try {
      channel.write(ByteBuffer.wrap(request));
    } catch (IOException e) {
      otherDrops.increment();
    }
    scheduleCheck(iceConnectedNanos == 0 ? CHECK_INTERVAL_MILLIS : CONSENT_INTERVAL_MILLIS);
  }

  private void onStun(byte[] data, int length) {
    StunMessage message = StunMessage.decode(data, 0, length);
    AnswerSummary summary = answer;
    if (message == null
        || message.type() != StunMessage.BINDING_SUCCESS
        || summary == null
        || !message.verifyIntegrity(summary.icePwd().getBytes(StandardCharsets.UTF_8))) {
      return;
    }
    if (iceConnectedNanos == 0) {
      iceConnectedNanos = System.nanoTime();
    }
    if (handshakeStarted.compareAndSet(false, true)) {
      HandshakeTransport transport = new HandshakeTransport(channel);
      handshakeTransport = transport;
      engine.handshakes().execute(() -> handshake(transport, summary.fingerprint()));
    }
  }

  // DTLS (handshake pool)

  private void handshake(HandshakeTransport transport, String serverFingerprint) {
    if (closed.get()) {
      return;
    }
    LightDtlsClient client = new LightDtlsClient(engine.certificate(), serverFingerprint);
    try {
      DTLSTransport connected = new DTLSClientProtocol().connect(client, transport);
      dtls = connected;
      DtlsSrtpKeys keys = client.keys();
      engine.execute(() -> installKeys(keys));
    } catch (IOException | RuntimeException e) {
      if (!closed.get()) {
        failure = "DTLS handshake failed: " + e;
        LOG.warn("{}: {}", this, failure);
      }
    }
  }

  // Receive loop

  /** One datagram, demultiplexed by its first byte (RFC 7983 §7). */
  void onDatagram(byte[] data, int length, ByteBuf buf) {
    int first = data[0] & 0xFF;
    if (first <= 3) {
      onStun(data, length);
    } else if (first >= 20 && first <= 63) {
      HandshakeTransport transport = handshakeTransport;
      if (transport != null && dtls == null && !transport.offer(data, 0, length)) {
        otherDrops.increment();
      }
      // After the handshake DTLS records (a resent flight, close_notify) need no answer.
    } else if (first >= 128 && first <= 191) {
      if (srtpIn == null) {
        if (early.size() < MAX_EARLY_PACKETS) {
          byte[] copy = new byte[length];
          System.arraycopy(data, 0, copy, 0, length);
          early.add(copy);
        } else {
          otherDrops.increment();
        }
        return;
      }
      onSrtp(data, length, buf);
    } else {
      otherDrops.increment();
    }
  }

  void countDrop() {
    otherDrops.increment();
  }

  private void installKeys(DtlsSrtpKeys keys) {
    SrtpProfile profile =
        SrtpProfile.fromUseSrtpId(keys.useSrtpProfile())
            .orElseThrow(() -> new IllegalStateException("unsupported profile " + keys));
    // We are the DTLS client: the server encrypts with the server write key and salt.
    srtpIn = new SrtpSession(profile, keys.serverWriteKey(), keys.serverWriteSalt());
    srtpOut = new SrtpSession(profile, keys.clientWriteKey(), keys.clientWriteSalt());
    connectedAtNanos = System.nanoTime();
    byte[] packet;
    while ((packet = early.poll()) != null) {
      onSrtp(packet, packet.length, Unpooled.wrappedBuffer(packet));
    }
  }

  /** Sees every decrypted RTP packet (on the engine's selector thread; return quickly). */
  @FunctionalInterface
  public interface PacketListener {
    void onRtp(String kind, int payloadLength, long arrivalNanos);
  }

  private volatile PacketListener packetListener;

  /** Observes each decrypted RTP packet's kind and payload size, e.g. to time an event. */
  public void setPacketListener(PacketListener listener) {
    this.packetListener = listener;
  }

  private void onSrtp(byte[] data, int length, ByteBuf buf) {
    int second = data[1] & 0xFF;
    if (second >= 192 && second <= 223) { // RTCP packet types 192-223 (RFC 5761 §4)
      count(srtpIn.unprotectRtcp(buf), rtcpPackets);
      return;
    }
    SrtpResult result = srtpIn.unprotectRtp(buf);
    if (result != SrtpResult.OK) {
      count(result, null);
      return;
    }
    if (!rtp.reset(buf)) {
      otherDrops.increment();
      return;
    }
    long ssrc = rtp.ssrc();
    int payloadType = rtp.payloadType();
    AnswerSummary summary = answer;
    String kind = summary.payloadKinds().getOrDefault(payloadType, "unknown");
    boolean keyFrame =
        kind.equals("video")
            && rtp.payloadLength() > 0
            && Vp8Payload.startsKeyFrame(data, rtp.payloadOffset(), rtp.payloadLength());
    if (firstMediaNanos == 0) {
      firstMediaNanos = System.nanoTime();
    }
    PacketListener listener = packetListener;
    if (listener != null) {
      listener.onRtp(kind, rtp.payloadLength(), System.nanoTime());
    }
    StreamCounter counter = streams.computeIfAbsent(ssrc, StreamCounter::new);
    boolean needsKeyFrame =
        counter.count(
            kind,
            summary.ssrcMids().get(ssrc),
            payloadType,
            rtp.sequenceNumber(),
            buf.readableBytes(),
            keyFrame);
    if (needsKeyFrame) {
      maybeRequestKeyFrame(ssrc);
    }
  }

  /**
   * Sends a PLI (RFC 4585 §6.3.1, reduced-size RTCP as rtcp-rsize allows, RFC 5506) for a video
   * stream that has not started a key frame yet — what a real receiver does when it cannot decode.
   * The first one waits {@link #PICTURE_LOSS_FIRST_MILLIS} after the stream's first packet (the
   * server asks the publisher itself when the stream is bound), then one per {@link
   * #PICTURE_LOSS_REPEAT_MILLIS}.
   */
  private void maybeRequestKeyFrame(long ssrc) {
    long now = System.nanoTime();
    Long last = lastPictureLossNanos.get(ssrc);
    if (last == null) {
      lastPictureLossNanos.put(
          ssrc,
          now
              - TimeUnit.MILLISECONDS.toNanos(
                  PICTURE_LOSS_REPEAT_MILLIS - PICTURE_LOSS_FIRST_MILLIS));
      return;
    }
    if (now - last < TimeUnit.MILLISECONDS.toNanos(PICTURE_LOSS_REPEAT_MILLIS)) {
      return;
    }
    lastPictureLossNanos.put(ssrc, now);
    ByteBuf pli = Unpooled.buffer(12 + srtpOut.profile().rtcpOverhead());
    pli.writeByte(0x81) // V=2, P=0, FMT=1 (PLI)
        .writeByte(206) // PT=PSFB
        .writeShort(2) // length in 32-bit words minus one
        .writeInt(ownSsrc)
        .writeInt((int) ssrc);
    if (srtpOut.protectRtcp(pli) != SrtpResult.OK) {
      otherDrops.increment();
      return;
    }
    try {
      channel.write(pli.nioBuffer());
      pictureLossSent.increment();
    } catch (IOException e) {
      otherDrops.increment();
    }
  }

  private void count(SrtpResult result, LongAdder onOk) {
    if (result == SrtpResult.OK) {
      if (onOk != null) {
        onOk.increment();
      }
    } else if (result == SrtpResult.AUTH_FAILED) {
      authFailures.increment();
    } else {
      otherDrops.increment();
    }
  }
}
