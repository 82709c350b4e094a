package dev.podium.media.transport;

import dev.podium.media.dtls.DtlsListener;
import dev.podium.media.dtls.DtlsServerSession;
import dev.podium.media.dtls.DtlsSrtpKeys;
import dev.podium.media.ice.IceCheckResult;
import dev.podium.media.ice.IceLiteAgent;
import dev.podium.media.ice.StunMessage;
import dev.podium.media.net.DropReason;
import dev.podium.media.srtp.SrtpProfile;
import dev.podium.media.srtp.SrtpResult;
import dev.podium.media.srtp.SrtpSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebRTC connection (one RTCPeerConnection of a client): ICE-lite + DTLS + SRTP over the shared
 * UDP port, BUNDLE and rtcp-mux only. All methods except {@link #close(String)} and the DTLS
 * callbacks run on the media event loop.
 */
public final class WebRtcTransport {
  private static final Logger log = LoggerFactory.getLogger(WebRtcTransport.class);

  /**
   * libwebrtc starts sending SRTP as soon as it has our Finished, before bctls reports the
   * handshake complete: keep that much early media and play it in once keys exist.
   */
  private static final int MAX_EARLY_PACKETS = 64;

  private static final long EARLY_PACKET_MAX_AGE_MILLIS = 2_000;

  private final String id;
  private final TransportRegistry registry;
  private final IceLiteAgent ice;
  private final TransportListener listener;
  private final ArrayDeque<EarlyPacket> earlyPackets = new ArrayDeque<>();

  private TransportState state = TransportState.NEW;
  private RemoteParameters remote;
  private DtlsServerSession dtls;
  private SrtpSession srtpIn;
  private SrtpSession srtpOut;
  private String closeReason;

  /** Test hook: shaping and loss on this transport's path; null in production. */
  private volatile Impairment impairment;

  /** Where DTLS and media go: the ICE-selected address, or before nomination the DTLS peer. */
  private volatile InetSocketAddress sendAddress;

  WebRtcTransport(
      String id, TransportRegistry registry, IceLiteAgent ice, TransportListener listener) {
    this.id = id;
    this.registry = registry;
    this.ice = ice;
    this.listener = listener;
  }

  public String id() {
    return id;
  }

  public LocalParameters localParameters() {
    return registry.localParameters(ice.localCredentials());
  }

  public TransportState state() {
    return state;
  }

  public Optional<String> closeReason() {
    return Optional.ofNullable(closeReason);
  }

  /** The remote address media is sent to, once ICE has one. */
  public Optional<InetSocketAddress> remoteAddress() {
    return Optional.ofNullable(sendAddress);
  }

  /**
   * Sets the client's ICE credentials and certificate fingerprint from its offer and starts waiting
   * for its checks and DTLS handshake. Later calls (renegotiation) must carry the same parameters;
   * an ICE restart needs a new transport.
   */
  public void setRemoteParameters(RemoteParameters parameters) {
    registry.runOnLoop(() -> applyRemoteParameters(parameters));
  }

  private void applyRemoteParameters(RemoteParameters parameters) {
    if (state != TransportState.NEW) {
      return;
    }
    this.remote = parameters;
    ice.setRemoteCredentials(parameters.ice());
    dtls =
        registry.newDtlsSession(
            parameters,
            this::sendDtls,
            new DtlsListener() {
              @Override
              public void onDtlsConnected(DtlsSrtpKeys keys) {
                registry.runOnLoop(() -> dtlsConnected(keys));
              }

              @Override
              public void onDtlsFailed(String reason) {
                registry.runOnLoop(() -> close("DTLS failed: " + reason));
              }

              @Override
              public void onDtlsClosed() {
                registry.runOnLoop(() -> close("closed by peer (DTLS close_notify)"));
              }
            });
    state = TransportState.CONNECTING;
    dtls.start();
  }

  void onStun(StunMessage message, InetSocketAddress from) {
    if (state == TransportState.CLOSED) {
      return;
    }
    IceCheckResult result = ice.onBindingRequest(message, from);
    if (result.response() != null) {
      registry.sendRaw(Unpooled.wrappedBuffer(result.response()), from);
    }
    switch (result.status()) {
      case ACCEPTED -> {
        registry.bindAddress(from, this);
        InetSocketAddress selected = ice.selectedAddress();
        if (selected != null) {
          sendAddress = selected;
        }
      }
      case BAD_CREDENTIALS -> registry.counters().drop(DropReason.BAD_STUN_CREDENTIALS);
      default -> registry.counters().drop(DropReason.MALFORMED_STUN);
    }
  }

  void onDtls(ByteBuf datagram, InetSocketAddress from) {
    if (dtls == null || !ice.isValidated(from)) {
      registry.counters().drop(DropReason.UNBOUND_ADDRESS);
      return;
    }
    if (ice.selectedAddress() == null) {
      // The ClientHello often arrives before USE-CANDIDATE: answer where it came from.
      sendAddress = from;
    }
    byte[] copy = new byte[datagram.readableBytes()];
    datagram.getBytes(datagram.readerIndex(), copy);
    dtls.onDatagram(copy, 0, copy.length);
  }

  void onSrtp(ByteBuf packet, InetSocketAddress from, boolean rtcp) {
    if (!ice.isValidated(from)) {
      registry.counters().drop(DropReason.UNBOUND_ADDRESS);
      return;
    }
    Impairment impaired = impairment;
    if (impaired != null && !rtcp && srtpIn != null && impaired.dropIncoming()) {
      return; // simulated loss on the client's uplink (tests only)
    }
    if (srtpIn == null) {
      keepEarly(packet, from, rtcp);
      return;
    }
    SrtpResult result = rtcp ? srtpIn.unprotectRtcp(packet) : srtpIn.unprotectRtp(packet);
    if (result != SrtpResult.OK) {
      registry.counters().drop(dropReasonOf(result));
      return;
    }
    if (ice.onAuthenticatedPacket(from)) {
      InetSocketAddress previous = sendAddress;
      sendAddress = ice.selectedAddress();
      if (previous != null && !previous.equals(sendAddress)) {
        log.info("transport {}: remote address moved from {} to {}", id, previous, sendAddress);
      }
    }
    if (rtcp) {
      listener.onRtcp(this, packet);
    } else {
      listener.onRtp(this, packet);
    }
  }

  private static DropReason dropReasonOf(SrtpResult result) {
    return switch (result) {
      case AUTH_FAILED -> DropReason.SRTP_AUTH_FAILED;
      case REPLAYED -> DropReason.SRTP_REPLAY;
      default -> DropReason.MALFORMED_RTP;
    };
  }

  private void keepEarly(ByteBuf packet, InetSocketAddress from, boolean rtcp) {
    if (state != TransportState.CONNECTING || earlyPackets.size() >= MAX_EARLY_PACKETS) {
      registry.counters().drop(DropReason.NOT_CONNECTED);
      return;
    }
    byte[] copy = new byte[packet.readableBytes()];
    packet.getBytes(packet.readerIndex(), copy);
    earlyPackets.add(new EarlyPacket(copy, from, rtcp, registry.nowMillis()));
  }

  private void dtlsConnected(DtlsSrtpKeys keys) {
    if (state != TransportState.CONNECTING) {
      return;
    }
    Optional<SrtpProfile> profile = SrtpProfile.fromUseSrtpId(keys.useSrtpProfile());
    if (profile.isEmpty()) {
      close("DTLS negotiated an unsupported SRTP profile " + keys.useSrtpProfile());
      return;
    }
    // RFC 5764 §4.2: we are the DTLS server, so we decrypt with the client's write keys.
    srtpIn = new SrtpSession(profile.get(), keys.clientWriteKey(), keys.clientWriteSalt());
    srtpOut = new SrtpSession(profile.get(), keys.serverWriteKey(), keys.serverWriteSalt());
    state = TransportState.CONNECTED;
    log.info("transport {} connected ({}) from {}", id, profile.get(), sendAddress);
    listener.onTransportConnected(this);
    long now = registry.nowMillis();
    while (!earlyPackets.isEmpty()) {
      EarlyPacket early = earlyPackets.poll();
      if (now - early.arrivedMillis() > EARLY_PACKET_MAX_AGE_MILLIS) {
        registry.counters().drop(DropReason.NOT_CONNECTED);
        continue;
      }
      ByteBuf buf = Unpooled.wrappedBuffer(early.data());
      try {
        onSrtp(buf, early.from(), early.rtcp());
      } finally {
        buf.release();
      }
    }
  }

  /**
   * Encrypts and sends one RTP packet; takes ownership of {@code rtp} (released here). Drops it
   * silently (counted) when the transport is not connected.
   */
  public void sendRtp(ByteBuf rtp) {
    send(rtp, false);
  }

  /** Encrypts and sends one RTCP (compound) packet; takes ownership of {@code rtcp}. */
  public void sendRtcp(ByteBuf rtcp) {
    send(rtcp, true);
  }

  private void send(ByteBuf packet, boolean rtcp) {
    InetSocketAddress to = sendAddress;
    if (srtpOut == null || to == null || state != TransportState.CONNECTED) {
      packet.release();
      registry.counters().drop(DropReason.SEND_FAILED);
      return;
    }
    SrtpProfile profile = srtpOut.profile();
    packet.ensureWritable(rtcp ? profile.rtcpOverhead() : profile.rtpOverhead());
    SrtpResult result = rtcp ? srtpOut.protectRtcp(packet) : srtpOut.protectRtp(packet);
    if (result != SrtpResult.OK) {
      packet.release();
      registry.counters().drop(DropReason.SEND_FAILED);
      return;
    }
    Impairment impaired = impairment;
    if (impaired != null
        && !rtcp
        && !impaired.admitOutgoing(packet.readableBytes(), System.nanoTime())) {
      packet.release(); // simulated bottleneck on the client's downlink (tests only)
      return;
    }
    registry.sendRaw(packet, to);
  }

  /**
   * Test hook: applies {@code impairment} (null to remove) to this transport's RTP from now on.
   * Tests use it to constrain a subscriber's downlink or drop a publisher's packets.
   */
  public void setImpairment(Impairment impairment) {
    this.impairment = impairment;
  }

  private void sendDtls(byte[] data, int offset, int length) {
    InetSocketAddress to = sendAddress;
    if (to != null) {
      registry.sendRaw(Unpooled.copiedBuffer(data, offset, length), to);
    }
  }

  /** Consent freshness (RFC 7675): called once a second by the registry on the loop. */
  void checkConsent() {
    if (state != TransportState.CLOSED && ice.selectedAddress() != null && ice.isConsentExpired()) {
      close("ICE consent expired (no checks for " + registry.consentTimeoutMillis() + " ms)");
    }
  }

  /** Closes the transport (idempotent); sends DTLS close_notify when connected. Any thread. */
  public void close(String reason) {
    registry.runOnLoop(() -> closeOnLoop(reason));
  }

  private void closeOnLoop(String reason) {
    if (state == TransportState.CLOSED) {
      return;
    }
    state = TransportState.CLOSED;
    closeReason = reason;
    earlyPackets.clear();
    if (dtls != null) {
      dtls.close();
    }
    registry.unregister(this);
    log.info("transport {} closed: {}", id, reason);
    listener.onTransportClosed(this, reason);
  }

  IceLiteAgent ice() {
    return ice;
  }

  RemoteParameters remote() {
    return remote;
  }

  private record EarlyPacket(
      byte[] data, InetSocketAddress from, boolean rtcp, long arrivedMillis) {}
}
