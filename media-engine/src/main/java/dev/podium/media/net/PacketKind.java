package dev.podium.media.net;

/** What a datagram arriving on the shared media port carries, as told by RFC 7983 §7. */
public enum PacketKind {
  /** STUN (ICE connectivity checks), first byte 0–3. */
  STUN,
  /** ZRTP, first byte 16–19; Podium does not speak it and drops it. */
  ZRTP,
  /** DTLS record, first byte 20–63. */
  DTLS,
  /** TURN ChannelData, first byte 64–79. */
  TURN_CHANNEL,
  /** RTP, first byte 128–191 and a second byte outside 192–223. */
  RTP,
  /** RTCP, first byte 128–191 and a second byte (packet type) in 192–223. */
  RTCP,
  /** Anything else, including datagrams too short to be what their first byte claims. */
  UNKNOWN
}
