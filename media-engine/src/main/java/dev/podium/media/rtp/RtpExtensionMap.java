package dev.podium.media.rtp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The header extensions negotiated with one peer: URI ↔ local id, as written in SDP {@code
 * a=extmap} lines (RFC 8285 §5), plus typed readers and writers for the extensions an SFU uses.
 * Immutable.
 */
public final class RtpExtensionMap {
  /** Media identification (RFC 9143 §15, BUNDLE MID). */
  public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";

  /** RtpStreamId, the simulcast rid (RFC 8852 §3.1). */
  public static final String RID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";

  /** RepairedRtpStreamId, the rid an RTX stream repairs (RFC 8852 §3.2). */
  public static final String REPAIRED_RID =
      "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

  /** Absolute send time, 24-bit 6.18 fixed-point seconds (webrtc.org abs-send-time). */
  public static final String ABS_SEND_TIME =
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

  /** Transport-wide sequence number (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2). */
  public static final String TRANSPORT_CC =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

  /** Client-to-mixer audio level, V bit + level in -dBov (RFC 6464 §3). */
  public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

  private static final int MAX_ID = 255;
  private static final RtpExtensionMap EMPTY = new RtpExtensionMap(Map.of());

  private final Map<String, Integer> idsByUri;
  private final String[] urisById = new String[MAX_ID + 1];
  private final int midId;
  private final int ridId;
  private final int repairedRidId;
  private final int absSendTimeId;
  private final int transportCcId;
  private final int audioLevelId;

  private RtpExtensionMap(Map<String, Integer> map) {
    Map<String, Integer> copy = new HashMap<>();
    map.forEach(
        (uri, id) -> {
          if (id == null || id < 1 || id > MAX_ID) {
            throw new IllegalArgumentException("extension id out of 1..255: " + uri + "=" + id);
          }
          if (urisById[id] != null) {
            throw new IllegalArgumentException("extension id " + id + " used twice");
          }
          urisById[id] = uri;
          copy.put(uri, id);
        });
    idsByUri = Map.copyOf(copy);
    midId = id(MID);
    ridId = id(RID);
    repairedRidId = id(REPAIRED_RID);
    absSendTimeId = id(ABS_SEND_TIME);
    transportCcId = id(TRANSPORT_CC);
    audioLevelId = id(AUDIO_LEVEL);
  }

  /** A map from URI to id (1..255); throws if an id is out of range or used twice. */
  public static RtpExtensionMap of(Map<String, Integer> idsByUri) {
    return new RtpExtensionMap(idsByUri);
  }

  public static RtpExtensionMap empty() {
    return EMPTY;
  }

  /** The id negotiated for {@code uri}, or -1. */
  public int id(String uri) {
    Integer id = uri == null ? null : idsByUri.get(uri);
    return id == null ? -1 : id;
  }

  /** The URI negotiated for {@code id}, or null. */
  public String uri(int id) {
    return id < 1 || id > MAX_ID ? null : urisById[id];
  }

  public Map<String, Integer> asMap() {
    return idsByUri;
  }

  /** The MID carried by {@code packet}, or null. Allocates the string. */
  public String mid(RtpPacket packet) {
    return string(packet, midId);
  }

  /** The rid carried by {@code packet}, or null. Allocates the string. */
  public String rid(RtpPacket packet) {
    return string(packet, ridId);
  }

  /** The repaired rid carried by an RTX {@code packet}, or null. Allocates the string. */
  public String repairedRid(RtpPacket packet) {
    return string(packet, repairedRidId);
  }

  /** The 24-bit abs-send-time value (6.18 fixed-point seconds), or -1. */
  public int absSendTime(RtpPacket packet) {
    return (int) unsigned(packet, absSendTimeId, 3);
  }

  /** The 16-bit transport-wide sequence number, or -1. */
  public int transportSequenceNumber(RtpPacket packet) {
    return (int) unsigned(packet, transportCcId, 2);
  }

  /**
   * The raw audio-level octet (bit 7: voice activity, bits 0–6: level in -dBov), or -1; decode with
   * {@link #voiceActivity} and {@link #levelDbov}.
   */
  public int audioLevel(RtpPacket packet) {
    long slot = packet.findExtension(audioLevelId);
    if (slot == RtpPacket.NOT_FOUND || RtpPacket.extensionLength(slot) < 1) {
      return -1;
    }
    return packet.buffer().getUnsignedByte(RtpPacket.extensionIndex(slot));
  }

  /** Rewrites the transport-wide sequence number in place; false if the packet has none. */
  public boolean setTransportSequenceNumber(RtpPacket packet, int seq) {
    return transportCcId > 0 && packet.setExtensionValue(transportCcId, seq & 0xFFFF);
  }

  /** Rewrites abs-send-time in place; false if the packet has none. */
  public boolean setAbsSendTime(RtpPacket packet, int absSendTime) {
    return absSendTimeId > 0 && packet.setExtensionValue(absSendTimeId, absSendTime & 0xFFFFFF);
  }

  /** Voice-activity flag of a raw audio-level octet (RFC 6464 §3). */
  public static boolean voiceActivity(int audioLevel) {
    return (audioLevel & 0x80) != 0;
  }

  /** Level of a raw audio-level octet in -dBov: 0 is loudest, 127 is silence (RFC 6464 §3). */
  public static int levelDbov(int audioLevel) {
    return audioLevel & 0x7F;
  }

  /** abs-send-time (6.18 fixed-point seconds, wraps every 64 s) in microseconds. */
  public static long absSendTimeMicros(int absSendTime) {
    return ((absSendTime & 0xFFFFFFL) * 1_000_000L) >>> 18;
  }

  /** The abs-send-time encoding of a time in microseconds (taken modulo 64 s). */
  public static int absSendTimeFromMicros(long micros) {
    long withinPeriod = Math.floorMod(micros, 64_000_000L);
    return (int) ((withinPeriod << 18) / 1_000_000L);
  }

  private static String string(RtpPacket packet, int id) {
    long slot = packet.findExtension(id);
    if (slot == RtpPacket.NOT_FOUND) {
      return null;
    }
    ByteBuf buf = packet.buffer();
    int index = RtpPacket.extensionIndex(slot);
    int len = RtpPacket.extensionLength(slot);
    // Some senders pad string values with NULs; they are not part of the identifier.
    while (len > 0 && buf.getByte(index + len - 1) == 0) {
      len--;
    }
    return buf.toString(index, len, StandardCharsets.UTF_8);
  }

  private static long unsigned(RtpPacket packet, int id, int expectedLength) {
    long slot = packet.findExtension(id);
    if (slot == RtpPacket.NOT_FOUND || RtpPacket.extensionLength(slot) != expectedLength) {
      return -1;
    }
    ByteBuf buf = packet.buffer();
    int index = RtpPacket.extensionIndex(slot);
    return expectedLength == 2 ? buf.getUnsignedShort(index) : buf.getUnsignedMedium(index);
  }
}
