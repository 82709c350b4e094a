package dev.podium.media.session;

import dev.podium.media.feedback.NackGenerator;
import dev.podium.media.feedback.SendSideBandwidthEstimator;
import dev.podium.media.feedback.TransportCcGenerator;
import dev.podium.media.ice.IceCredentials;
import dev.podium.media.net.DropReason;
import dev.podium.media.net.MediaCounters;
import dev.podium.media.routing.BandwidthAllocator;
import dev.podium.media.routing.Consumer;
import dev.podium.media.routing.ConsumerListener;
import dev.podium.media.routing.MediaKind;
import dev.podium.media.routing.Producer;
import dev.podium.media.routing.Router;
import dev.podium.media.routing.RtpSink;
import dev.podium.media.rtcp.FullIntraRequest;
import dev.podium.media.rtcp.GenericNack;
import dev.podium.media.rtcp.PictureLossIndication;
import dev.podium.media.rtcp.RtcpCompound;
import dev.podium.media.rtcp.RtcpPacket;
import dev.podium.media.rtcp.RtcpParseResult;
import dev.podium.media.rtcp.TransportLayerCc;
import dev.podium.media.rtp.RtpPacket;
import dev.podium.media.sdp.AnswerBuilder;
import dev.podium.media.sdp.LocalTransportParameters;
import dev.podium.media.sdp.MediaDecision;
import dev.podium.media.sdp.MediaDescription;
import dev.podium.media.sdp.MediaPolicy;
import dev.podium.media.sdp.NegotiatedMedia;
import dev.podium.media.sdp.NegotiatedSession;
import dev.podium.media.sdp.OutgoingStream;
import dev.podium.media.sdp.RtpExtensionIds;
import dev.podium.media.sdp.SdpAnswer;
import dev.podium.media.sdp.SessionDescription;
import dev.podium.media.transport.LocalParameters;
import dev.podium.media.transport.RemoteParameters;
import dev.podium.media.transport.TransportListener;
import dev.podium.media.transport.TransportRegistry;
import dev.podium.media.transport.TransportState;
import dev.podium.media.transport.WebRtcTransport;
import dev.podium.media.video.VideoCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client's peer connection in one {@link Router}: its {@link WebRtcTransport} plus SDP
 * offer/answer. The client always offers (also to renegotiate); m-lines it sends on become {@link
 * Producer}s, receive-only m-lines that the caller binds to a producer get a {@link Consumer}.
 * Incoming RTP is routed by SSRC, else by the MID/RID header extensions (RFC 8843 §15, RFC 8852).
 * Event-loop confined except for the public entry points, which hop onto it.
 *
 * <p>Loss recovery and congestion control: as a publisher's connection it NACKs missing video
 * packets (RFC 4585 §6.2.1) and turns the RTX answers (RFC 4588 §4) back into the original packets
 * before the producer sees them; as a subscriber's connection it numbers every packet it sends with
 * a transport-wide sequence number, estimates the downlink from the client's transport-cc feedback
 * ({@link SendSideBandwidthEstimator}) and lets a {@link BandwidthAllocator} choose its consumers'
 * layers; NACKs from the client are answered by the consumer concerned.
 */
public final class MediaSession implements TransportListener, RtpSink, AutoCloseable {
  /** Sender SSRC of the feedback we originate (RFC 4585 allows any; receivers ignore it). */
  private static final long FEEDBACK_SSRC = 1;

  private final String id;
  private final Router router;
  private final WebRtcTransport transport;
  private final EventLoop loop;
  private final MediaCounters counters;
  private final MediaSessionListener listener;
  private final String cname = UUID.randomUUID().toString().substring(0, 16);
  private final RtpPacket packet = new RtpPacket();

  private final Map<String, Producer> producersByMid = new HashMap<>();
  private final Map<String, NegotiatedMedia> receivingByMid = new HashMap<>();
  private final Map<String, Outgoing> outgoingByMid = new ConcurrentHashMap<>();
  private final Map<Long, Route> routes = new HashMap<>();
  private final Set<Long> usedSsrcs = new HashSet<>();
  private AnswerBuilder answerBuilder;

  /** The client's first receiving audio m-line: carries "the meeting audio" under one SSRC. */
  private String audioDownlinkMid;

  private long audioDownlinkSsrc;
  private int audioDownlinkPayloadType = -1;
  private Producer audioSource;
  private int downlinkSeq = -1;
  private long downlinkTimestampOffset;
  private Consumer audioDownlinkConsumer;

  /** The downlink's latest consumer, even closed: the next one continues its numbering. */
  private Consumer lastAudioDownlinkConsumer;

  private int midExtensionId = -1;
  private int ridExtensionId = -1;
  private int repairedRidExtensionId = -1;
  private int transportCcExtensionId = -1;
  private final TransportCcGenerator transportCc = new TransportCcGenerator(FEEDBACK_SSRC);

  /** NACK state per incoming video SSRC (publisher side). */
  private final Map<Long, NackGenerator> nackGenerators = new HashMap<>();

  /** NACKs go out at most this often, batched over every stream. */
  private static final long NACK_INTERVAL_MILLIS = 10;

  /** At most this many sequence numbers per stream in one NACK packet. */
  private static final int MAX_NACKED_PER_PACKET = 80;

  private long lastNackMillis;

  /** Estimate of this client's downlink from its transport-cc feedback (subscriber side). */
  private final SendSideBandwidthEstimator downlink = new SendSideBandwidthEstimator();

  private final RtpPacket outgoingView = new RtpPacket();
  private final byte[] headerScratch = new byte[256];
  private int nextTransportSequence = ThreadLocalRandom.current().nextInt(1 << 16);
  private boolean remoteSet;
  private volatile boolean sendPermitted = true;
  private boolean closed;

  public MediaSession(
      String id,
      Router router,
      TransportRegistry registry,
      EventLoop loop,
      MediaSessionListener listener) {
    this.id = id;
    this.router = router;
    this.loop = loop;
    this.counters = registry.counters();
    this.listener = listener;
    this.transport = registry.createTransport(this);
  }

  public String id() {
    return id;
  }

  public Router router() {
    return router;
  }

  public WebRtcTransport transport() {
    return transport;
  }

  /**
   * Answers a client offer. {@code receiveBindings} maps the mids of the client's receive m-lines
   * to the producer each should carry; unbound ones are answered inactive. Fails with {@link
   * dev.podium.media.sdp.SdpParseException} or {@link dev.podium.media.sdp.SdpNegotiationException}
   * on a bad offer.
   */
  public CompletableFuture<Negotiation> negotiate(
      String offerSdp, Map<String, String> receiveBindings) {
    return negotiate(offerSdp, receiveBindings, Set.of());
  }

  /**
   * Answers a client offer like {@link #negotiate(String, Map)}, refusing what the client offers to
   * send on the m-lines {@code refusedSendMids}: those are answered as if the client did not send
   * (a {@code sendonly} m-line becomes {@code inactive}, so the client stops sending; a {@code
   * sendrecv} one {@code sendonly}), and no producer exists for them. The signaling layer uses this
   * for its video sender and content share caps.
   */
  public CompletableFuture<Negotiation> negotiate(
      String offerSdp, Map<String, String> receiveBindings, Set<String> refusedSendMids) {
    CompletableFuture<Negotiation> result = new CompletableFuture<>();
    Set<String> refused = Set.copyOf(refusedSendMids);
    loop.execute(
        () -> {
          try {
            result.complete(negotiateOnLoop(offerSdp, Map.copyOf(receiveBindings), refused));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  /**
   * Whether this connection's media is forwarded. A replica viewer that is not promoted may not
   * send: its packets are dropped and counted.
   */
  public void setSendPermitted(boolean permitted) {
    this.sendPermitted = permitted;
  }

  public boolean isSendPermitted() {
    return sendPermitted;
  }

  private Negotiation negotiateOnLoop(
      String offerSdp, Map<String, String> bindings, Set<String> refused) {
    if (closed) {
      throw new IllegalStateException("session " + id + " is closed");
    }
    SessionDescription offer = SessionDescription.parse(offerSdp);
    if (answerBuilder == null) {
      LocalParameters local = transport.localParameters();
      answerBuilder =
          new AnswerBuilder(
              new LocalTransportParameters(
                  local.ice().ufrag(),
                  local.ice().password(),
                  local.fingerprintAlgorithm(),
                  local.fingerprint(),
                  local.candidateIp(),
                  local.candidatePort()),
              MediaPolicy.defaults());
    }
    SdpAnswer answer = answerBuilder.answer(offer, m -> decide(m, bindings, refused));
    NegotiatedSession negotiated = answer.session();
    if (!remoteSet && negotiated.remoteIceUfrag() != null) {
      transport.setRemoteParameters(
          new RemoteParameters(
              new IceCredentials(negotiated.remoteIceUfrag(), negotiated.remoteIcePwd()),
              negotiated.remoteFingerprint().algorithm(),
              negotiated.remoteFingerprint().value()));
      remoteSet = true;
    }
    applyNegotiated(negotiated, bindings);
    Map<String, Long> sendSsrcs = new HashMap<>();
    outgoingByMid.forEach((mid, out) -> sendSsrcs.put(mid, out.ssrc()));
    return new Negotiation(answer.sdp(), producersByMid, sendSsrcs);
  }

  private MediaDecision decide(
      MediaDescription m, Map<String, String> bindings, Set<String> refused) {
    if (m.kind() != dev.podium.media.sdp.MediaKind.AUDIO
        && m.kind() != dev.podium.media.sdp.MediaKind.VIDEO) {
      return MediaDecision.reject(); // data messages travel on the signaling channel
    }
    MediaKind kind = MediaKind.fromSdp(m.kind().name().toLowerCase(java.util.Locale.ROOT));
    OutgoingStream out = null;
    String producerId = bindings.get(m.mid());
    Producer producer = producerId == null ? null : router.producer(producerId);
    if (m.direction().receives() && producer != null && producer.kind() == kind) {
      out = outgoingStream(m.mid(), producer);
    } else if (m.direction().receives()
        && kind == MediaKind.AUDIO
        && producerId == null
        && (audioDownlinkMid == null || audioDownlinkMid.equals(m.mid()))) {
      if (audioDownlinkMid == null) {
        audioDownlinkMid = m.mid();
        audioDownlinkSsrc = newSsrc();
      }
      out = new OutgoingStream(audioDownlinkSsrc, 0, cname, "podium-audio", "podium-audio-mix");
    }
    boolean clientSends = m.direction().sends() && !refused.contains(m.mid());
    if (clientSends && out != null) {
      return MediaDecision.sendReceive(out);
    } else if (clientSends) {
      return MediaDecision.receive();
    } else if (out != null) {
      return MediaDecision.send(out);
    }
    return new MediaDecision(true, false, null, false); // inactive, kept for later reuse
  }

  private OutgoingStream outgoingStream(String mid, Producer producer) {
    Outgoing existing = outgoingByMid.get(mid);
    long ssrc = existing != null ? existing.ssrc() : newSsrc();
    // Video gets an RTX SSRC (an FID group in the answer) for retransmissions, RFC 4588 §8.
    long rtxSsrc = 0;
    if (producer.kind() == MediaKind.VIDEO) {
      rtxSsrc = existing != null && existing.rtxSsrc() != 0 ? existing.rtxSsrc() : newSsrc();
    }
    return new OutgoingStream(
        ssrc, rtxSsrc, cname, streamIdOf(producer), producer.id().replace('/', '-'));
  }

  private static String streamIdOf(Producer producer) {
    return producer.ownerId().replace('/', '-');
  }

  private long newSsrc() {
    long ssrc;
    do {
      ssrc = ThreadLocalRandom.current().nextLong(1, 0x1_0000_0000L);
    } while (!usedSsrcs.add(ssrc));
    return ssrc;
  }

  private void applyNegotiated(NegotiatedSession negotiated, Map<String, String> bindings) {
    Set<String> stillReceiving = new HashSet<>();
    Set<String> stillSending = new HashSet<>();
    for (NegotiatedMedia media : negotiated.media()) {
      if (media.codec() == null) {
        continue;
      }
      midExtensionId = orKeep(midExtensionId, media.extensions().id(RtpExtensionIds.MID));
      ridExtensionId = orKeep(ridExtensionId, media.extensions().id(RtpExtensionIds.RID));
      repairedRidExtensionId =
          orKeep(repairedRidExtensionId, media.extensions().id(RtpExtensionIds.REPAIRED_RID));
      transportCcExtensionId =
          orKeep(transportCcExtensionId, media.extensions().id(RtpExtensionIds.TRANSPORT_WIDE_CC));
      if (media.receives()) {
        stillReceiving.add(media.mid());
        ensureProducer(media);
      }
      if (media.sends() && media.mid().equals(audioDownlinkMid)) {
        audioDownlinkPayloadType = media.payloadType();
        attachAudioSource();
      } else if (media.sends() && media.outgoing() != null) {
        stillSending.add(media.mid());
        ensureConsumer(media, router.producer(bindings.get(media.mid())));
      }
    }
    for (String mid : Set.copyOf(producersByMid.keySet())) {
      if (!stillReceiving.contains(mid)) {
        Producer producer = producersByMid.remove(mid);
        receivingByMid.remove(mid);
        routes.values().removeIf(route -> route.producer() == producer);
        nackGenerators.keySet().retainAll(routes.keySet());
        router.closeProducer(producer);
      }
    }
    for (String mid : Set.copyOf(outgoingByMid.keySet())) {
      if (!stillSending.contains(mid)) {
        outgoingByMid.remove(mid).consumer().close();
      }
    }
  }

  /**
   * Sets the source of this connection's audio downlink (the meeting audio it hears), or null for
   * silence. The downlink keeps its SSRC, so changing the source needs no renegotiation.
   */
  public void setAudioSource(Producer source) {
    loop.execute(
        () -> {
          if (closed || source == audioSource) {
            return;
          }
          audioSource = source;
          attachAudioSource();
        });
  }

  /**
   * Sends one encoded audio frame (e.g. the mixer's output) on the audio downlink; the caller keeps
   * the buffer. Event loop only. Dropped silently until the downlink is negotiated and connected.
   */
  public void sendAudioDownlinkFrame(byte[] payload, int length, long rtpTimestamp48k) {
    if (closed || audioDownlinkPayloadType < 0 || !isReady()) {
      return;
    }
    if (downlinkSeq < 0) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      downlinkSeq = random.nextInt(1 << 15);
      downlinkTimestampOffset = random.nextLong(1L << 31);
    }
    ByteBuf out = allocator().buffer(12 + length + 32);
    out.writeByte(0x80);
    out.writeByte(audioDownlinkPayloadType);
    out.writeShort(downlinkSeq);
    out.writeInt((int) (rtpTimestamp48k + downlinkTimestampOffset));
    out.writeInt((int) audioDownlinkSsrc);
    out.writeBytes(payload, 0, length);
    downlinkSeq = (downlinkSeq + 1) & 0xFFFF;
    transport.sendRtp(out);
  }

  /** The SSRC of the audio downlink once negotiated, else 0. */
  public long audioDownlinkSsrc() {
    return audioDownlinkPayloadType < 0 ? 0 : audioDownlinkSsrc;
  }

  private void attachAudioSource() {
    if (audioDownlinkPayloadType < 0) {
      return;
    }
    if (audioDownlinkConsumer != null) {
      if (!audioDownlinkConsumer.isClosed() && audioDownlinkConsumer.producer() == audioSource) {
        return;
      }
      audioDownlinkConsumer.close();
      audioDownlinkConsumer = null;
    }
    if (audioSource != null && !audioSource.isClosed()) {
      Consumer previous = lastAudioDownlinkConsumer;
      audioDownlinkConsumer =
          router.createConsumer(
              id + "/" + audioDownlinkMid,
              audioSource,
              this,
              audioDownlinkSsrc,
              audioDownlinkPayloadType,
              0,
              () -> {});
      audioDownlinkConsumer.continueAfter(previous);
      lastAudioDownlinkConsumer = audioDownlinkConsumer;
    }
  }

  private static int orKeep(int current, int negotiated) {
    return negotiated >= 0 ? negotiated : current;
  }

  private void ensureProducer(NegotiatedMedia media) {
    receivingByMid.put(media.mid(), media);
    Producer producer = producersByMid.get(media.mid());
    if (producer == null) {
      MediaKind kind = MediaKind.fromSdp(media.kind().name().toLowerCase(java.util.Locale.ROOT));
      producer = router.createProducer(kind, id, media.mid(), media.rids(), this);
      if (kind == MediaKind.VIDEO) {
        producer.setCodec(VideoCodec.fromName(media.codecName()));
      }
      producersByMid.put(media.mid(), producer);
    }
    // SSRCs announced in the offer (a=ssrc, SIM order for simulcast without rids).
    for (int layer = 0; layer < media.remoteSsrcs().size(); layer++) {
      var incoming = media.remoteSsrcs().get(layer);
      int clamped = Math.min(layer, producer.layerCount() - 1);
      routes.put(incoming.ssrc(), new Route(producer, clamped, false));
      producer.setLayerSsrc(clamped, incoming.ssrc());
      if (incoming.rtxSsrc() != 0) {
        routes.put(incoming.rtxSsrc(), new Route(producer, clamped, true));
      }
    }
  }

  private void ensureConsumer(NegotiatedMedia media, Producer producer) {
    Outgoing existing = outgoingByMid.get(media.mid());
    if (existing != null
        && existing.consumer().producer() == producer
        && !existing.consumer().isClosed()) {
      return;
    }
    if (existing != null) {
      existing.consumer().close();
    }
    String mid = media.mid();
    long ssrc = media.outgoing().ssrc();
    Consumer consumer =
        router.createConsumer(
            id + "/" + mid,
            producer,
            this,
            ssrc,
            media.payloadType(),
            producer.layerCount() - 1,
            () -> loop.execute(() -> onConsumerClosed(mid)));
    consumer.enableRtx(media.outgoing().rtxSsrc(), media.rtxPayloadType());
    consumer.setListener(
        new ConsumerListener() {
          @Override
          public void onConsumerLayerChanged(Consumer c, int layer) {
            listener.onConsumerLayerChanged(MediaSession.this, mid, layer);
          }

          @Override
          public void onConsumerPausedByBandwidth(Consumer c, boolean paused) {
            listener.onConsumerPausedByBandwidth(MediaSession.this, mid, paused);
          }
        });
    outgoingByMid.put(mid, new Outgoing(ssrc, media.outgoing().rtxSsrc(), consumer));
  }

  /** The consumer forwarding on the client's receive m-line {@code mid}, if bound. Any thread. */
  public Optional<Consumer> consumer(String mid) {
    Outgoing outgoing = outgoingByMid.get(mid);
    return outgoing == null ? Optional.empty() : Optional.of(outgoing.consumer());
  }

  /**
   * What the client asks for the source on its receive m-line {@code mid}: priority (lower is more
   * important) and the rendered tile size in pixels (0 for no limit). Any thread.
   */
  public void setConsumerPreferences(String mid, int priority, int maxWidth, int maxHeight) {
    consumer(mid).ifPresent(c -> c.setPreferences(priority, maxWidth, maxHeight));
  }

  /** The client pauses or resumes the source on its receive m-line {@code mid}. Any thread. */
  public void setConsumerPaused(String mid, boolean paused) {
    consumer(mid).ifPresent(c -> c.setPaused(paused));
  }

  /**
   * The estimated downlink bandwidth of this client in bits per second, from its transport-cc
   * feedback; {@link Long#MAX_VALUE} while it has sent none.
   */
  public long downlinkEstimateBps() {
    return downlink.hasFeedback() ? downlink.estimateBps() : Long.MAX_VALUE;
  }

  private void onConsumerClosed(String mid) {
    Outgoing outgoing = outgoingByMid.get(mid);
    if (outgoing != null && outgoing.consumer().isClosed() && !closed) {
      listener.onConsumerClosed(this, mid);
    }
  }

  // ---- transport events (event loop) ----

  @Override
  public void onTransportConnected(WebRtcTransport t) {
    for (Outgoing outgoing : outgoingByMid.values()) {
      outgoing.consumer().requestKeyFrame();
    }
    listener.onSessionConnected(this);
  }

  @Override
  public void onRtp(WebRtcTransport t, ByteBuf rtp) {
    if (!sendPermitted) {
      counters.drop(DropReason.NOT_PERMITTED);
      return;
    }
    if (!packet.reset(rtp)) {
      counters.drop(DropReason.MALFORMED_RTP);
      return;
    }
    recordTransportCc();
    Route route = routes.get(packet.ssrc());
    if (route == null) {
      route = learnRoute();
      if (route == null) {
        counters.drop(DropReason.UNKNOWN_SOURCE);
        return;
      }
    }
    Producer producer = route.producer();
    if (route.retransmission() || isRtxPayload(producer)) {
      // RTX (RFC 4588 §4): restore the original packet; forward it only if it fills a gap we
      // asked for (libwebrtc also resends old packets on RTX as bandwidth probes).
      NackGenerator nacks = repairRetransmission(route);
      if (nacks == null || !nacks.onPacket(packet.sequenceNumber(), router.clock().getAsLong())) {
        counters.drop(DropReason.UNUSED_RETRANSMISSION);
        return;
      }
      producer.onRtp(route.layer(), packet);
      return;
    }
    if (producer.kind() == MediaKind.VIDEO && packet.payloadLength() > 0) {
      long now = router.clock().getAsLong();
      nackGenerators
          .computeIfAbsent(packet.ssrc(), ssrc -> new NackGenerator())
          .onPacket(packet.sequenceNumber(), now);
      sendNacks(now);
    }
    producer.onRtp(route.layer(), packet);
  }

  /**
   * Rewrites the RTX packet in {@link #packet} in place into the original (RFC 4588 §4): the
   * original sequence number is the first two payload bytes, so the header moves two bytes forward
   * over it and takes the primary SSRC and payload type. Returns the primary stream's NACK state,
   * or null when the packet is padding only (a probe) or its primary stream is unknown.
   */
  private NackGenerator repairRetransmission(Route route) {
    Producer producer = route.producer();
    NegotiatedMedia media = receivingByMid.get(midOf(producer));
    long primarySsrc = producer.layerSsrc(route.layer());
    NackGenerator nacks = nackGenerators.get(primarySsrc);
    int header = packet.headerLength();
    if (media == null
        || nacks == null
        || packet.payloadLength() < 2
        || header > headerScratch.length) {
      return null;
    }
    ByteBuf buf = packet.buffer();
    int offset = packet.offset();
    int originalSeq = buf.getUnsignedShort(packet.payloadOffset());
    buf.getBytes(offset, headerScratch, 0, header);
    buf.setBytes(offset + 2, headerScratch, 0, header);
    buf.readerIndex(offset + 2);
    if (!packet.reset(buf)) {
      return null;
    }
    packet.setSequenceNumber(originalSeq);
    packet.setPayloadType(media.payloadType());
    packet.setSsrc(primarySsrc);
    return nacks;
  }

  /** Sends the NACKs that are due to the publisher, one compound for all its streams. */
  private void sendNacks(long now) {
    if (now - lastNackMillis < NACK_INTERVAL_MILLIS) {
      return;
    }
    lastNackMillis = now;
    List<RtcpPacket> nacks = null;
    for (Map.Entry<Long, NackGenerator> entry : nackGenerators.entrySet()) {
      List<Integer> lost = entry.getValue().poll(now);
      if (lost.isEmpty()) {
        continue;
      }
      if (lost.size() > MAX_NACKED_PER_PACKET) {
        lost = lost.subList(lost.size() - MAX_NACKED_PER_PACKET, lost.size());
      }
      if (nacks == null) {
        nacks = new ArrayList<>(2);
      }
      nacks.add(new GenericNack(FEEDBACK_SSRC, entry.getKey(), lost));
    }
    if (nacks != null && isReady()) {
      transport.sendRtcp(RtcpCompound.write(nacks, allocator()));
    }
  }

  /** Every authenticated packet counts for congestion control, probes and RTX included. */
  private void recordTransportCc() {
    if (transportCcExtensionId < 0) {
      return;
    }
    long slot = packet.findExtension(transportCcExtensionId);
    if (slot == RtpPacket.NOT_FOUND || RtpPacket.extensionLength(slot) != 2) {
      return;
    }
    long now = System.nanoTime() / 1000;
    transportCc.onPacket(
        packet.buffer().getUnsignedShort(RtpPacket.extensionIndex(slot)), packet.ssrc(), now);
    TransportLayerCc feedback = transportCc.poll(now);
    if (feedback != null) {
      transport.sendRtcp(RtcpCompound.write(List.of(feedback), allocator()));
    }
  }

  private boolean isRtxPayload(Producer producer) {
    NegotiatedMedia media = receivingByMid.get(midOf(producer));
    return media != null && media.rtxPayloadType() == packet.payloadType();
  }

  private static String midOf(Producer producer) {
    String producerId = producer.id();
    return producerId.substring(producerId.lastIndexOf('/') + 1);
  }

  /** Binds an unknown SSRC by its MID and RID/repaired-RID header extensions (simulcast). */
  private Route learnRoute() {
    String mid = stringExtension(midExtensionId);
    if (mid == null) {
      return null;
    }
    Producer producer = producersByMid.get(mid);
    if (producer == null) {
      return null;
    }
    String repaired = stringExtension(repairedRidExtensionId);
    String rid = repaired != null ? repaired : stringExtension(ridExtensionId);
    int layer = 0;
    if (!producer.rids().isEmpty()) {
      layer = rid == null ? -1 : producer.rids().indexOf(rid);
      if (layer < 0) {
        return null;
      }
    }
    boolean rtx = repaired != null || isRtxPayload(producer);
    Route route = new Route(producer, layer, rtx);
    routes.put(packet.ssrc(), route);
    if (!rtx) {
      producer.setLayerSsrc(layer, packet.ssrc());
    }
    return route;
  }

  private String stringExtension(int extensionId) {
    if (extensionId < 0) {
      return null;
    }
    long slot = packet.findExtension(extensionId);
    if (slot == RtpPacket.NOT_FOUND) {
      return null;
    }
    int index = RtpPacket.extensionIndex(slot);
    int length = RtpPacket.extensionLength(slot);
    return packet.buffer().toString(index, length, java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Override
  public void onRtcp(WebRtcTransport t, ByteBuf rtcp) {
    RtcpParseResult parsed = RtcpCompound.parse(rtcp);
    if (!parsed.isOk() && parsed.packets().isEmpty()) {
      counters.drop(DropReason.MALFORMED_RTP);
      return;
    }
    for (RtcpPacket p : parsed.packets()) {
      if (p instanceof PictureLossIndication pli) {
        keyFrameRequested(pli.mediaSsrc());
      } else if (p instanceof FullIntraRequest fir) {
        for (FullIntraRequest.Entry entry : fir.entries()) {
          keyFrameRequested(entry.ssrc());
        }
      } else if (p instanceof GenericNack nack) {
        for (Outgoing outgoing : outgoingByMid.values()) {
          if (outgoing.ssrc() == nack.mediaSsrc()) {
            outgoing.consumer().onNack(nack.lostSequenceNumbers());
          }
        }
      } else if (p instanceof TransportLayerCc feedback) {
        downlink.onFeedback(feedback, System.nanoTime() / 1000);
        allocateDownlink();
      }
    }
  }

  /** Shares the estimated downlink among this client's consumers (priority order). */
  private void allocateDownlink() {
    List<Consumer> consumers = new ArrayList<>(outgoingByMid.size());
    for (Outgoing outgoing : outgoingByMid.values()) {
      consumers.add(outgoing.consumer());
    }
    BandwidthAllocator.allocate(consumers, downlinkEstimateBps(), router.clock().getAsLong());
  }

  /** A subscriber asked for a keyframe of the stream we send it under {@code ssrc}. */
  private void keyFrameRequested(long ssrc) {
    for (Outgoing outgoing : outgoingByMid.values()) {
      if (outgoing.ssrc() == ssrc) {
        outgoing.consumer().requestKeyFrame();
      }
    }
  }

  @Override
  public void onTransportClosed(WebRtcTransport t, String reason) {
    closeOnLoop(reason);
  }

  // ---- RtpSink: this session as publisher (feedback) and subscriber (forwarded media) ----

  @Override
  public boolean isReady() {
    return transport.state() == TransportState.CONNECTED;
  }

  /**
   * Sends one forwarded packet: fills in its transport-wide sequence number (the element the
   * consumer wrote) and records it for the downlink estimate.
   */
  @Override
  public void sendRtp(ByteBuf rtp) {
    if (transportCcExtensionId > 0 && outgoingView.reset(rtp)) {
      int sequence = nextTransportSequence & 0xFFFF;
      if (outgoingView.setExtensionValue(transportCcExtensionId, sequence)) {
        nextTransportSequence++;
        downlink.onPacketSent(sequence, rtp.readableBytes(), System.nanoTime() / 1000);
      }
      outgoingView.clear();
    }
    transport.sendRtp(rtp);
  }

  @Override
  public int transportCcExtensionId() {
    return transportCcExtensionId;
  }

  @Override
  public void sendRtcp(ByteBuf rtcp) {
    transport.sendRtcp(rtcp);
  }

  @Override
  public ByteBufAllocator allocator() {
    return ByteBufAllocator.DEFAULT;
  }

  /** Closes the connection, its producers (and their consumers) and its consumers. Idempotent. */
  @Override
  public void close() {
    loop.execute(() -> closeOnLoop("closed by server"));
  }

  private void closeOnLoop(String reason) {
    if (closed) {
      return;
    }
    closed = true;
    for (Outgoing outgoing : outgoingByMid.values()) {
      outgoing.consumer().close();
    }
    outgoingByMid.clear();
    if (audioDownlinkConsumer != null) {
      audioDownlinkConsumer.close();
    }
    for (Producer producer : producersByMid.values()) {
      router.closeProducer(producer);
    }
    producersByMid.clear();
    routes.clear();
    transport.close(reason);
    listener.onSessionClosed(this, reason);
  }

  private record Route(Producer producer, int layer, boolean retransmission) {}

  private record Outgoing(long ssrc, long rtxSsrc, Consumer consumer) {}
}
