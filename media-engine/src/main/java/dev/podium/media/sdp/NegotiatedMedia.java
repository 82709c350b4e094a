package dev.podium.media.sdp;

import java.util.List;

/**
 * The outcome of one accepted m-line, for the router: codec and RTX payload types, extension ids,
 * what the client sends (SSRCs announced in the offer, or simulcast rids in order), what the server
 * sends, and the remote transport of that m-line. {@code codec} is null for data channels.
 */
public record NegotiatedMedia(
    String mid,
    MediaKind kind,
    Direction direction,
    RtpCodec codec,
    int rtxPayloadType,
    RtpExtensionIds extensions,
    List<IncomingSsrc> remoteSsrcs,
    List<String> rids,
    OutgoingStream outgoing,
    String remoteIceUfrag,
    String remoteIcePwd,
    Fingerprint remoteFingerprint) {

  /** Creates the record; lists are copied. */
  public NegotiatedMedia {
    remoteSsrcs = List.copyOf(remoteSsrcs);
    rids = List.copyOf(rids);
  }

  /** The payload type of the chosen codec, or -1 for a data channel. */
  public int payloadType() {
    return codec == null ? -1 : codec.payloadType();
  }

  /** The name of the chosen codec (e.g. {@code VP8}), or null for a data channel. */
  public String codecName() {
    return codec == null ? null : codec.name();
  }

  /** Whether the server receives media from the client on this m-line. */
  public boolean receives() {
    return direction.receives();
  }

  /** Whether the server sends media to the client on this m-line. */
  public boolean sends() {
    return direction.sends();
  }
}
