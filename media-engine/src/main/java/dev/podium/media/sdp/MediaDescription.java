package dev.podium.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One media section of an SDP (RFC 8866 section 5.14) with the attributes WebRTC uses (JSEP RFC
 * 8829 section 5.8). Absent values are null (strings, enums, records), -1 (numbers) or empty lists.
 * A section without a direction attribute reads as {@link Direction#SENDRECV}. Lines the model does
 * not know are kept verbatim in {@code otherLines}.
 */
public record MediaDescription(
    MediaKind kind,
    int port,
    String protocol,
    List<String> formats,
    String connection,
    String rtcp,
    String mid,
    Direction direction,
    String iceUfrag,
    String icePwd,
    List<String> iceOptions,
    List<Fingerprint> fingerprints,
    Setup setup,
    boolean rtcpMux,
    boolean rtcpRsize,
    List<RtpCodec> codecs,
    List<ExtMap> extMaps,
    Msid msid,
    List<SsrcAttribute> ssrcAttributes,
    List<SsrcGroup> ssrcGroups,
    List<Rid> rids,
    Simulcast simulcast,
    int sctpPort,
    long maxMessageSize,
    List<String> candidates,
    boolean endOfCandidates,
    List<String> otherLines) {

  /** Creates a media description; lists are copied. */
  public MediaDescription {
    formats = List.copyOf(formats);
    iceOptions = List.copyOf(iceOptions);
    fingerprints = List.copyOf(fingerprints);
    codecs = List.copyOf(codecs);
    extMaps = List.copyOf(extMaps);
    ssrcAttributes = List.copyOf(ssrcAttributes);
    ssrcGroups = List.copyOf(ssrcGroups);
    rids = List.copyOf(rids);
    candidates = List.copyOf(candidates);
    otherLines = List.copyOf(otherLines);
    if (direction == null) {
      direction = Direction.SENDRECV;
    }
  }

  /** Whether the m-line is rejected or disabled (port 0, RFC 8866 section 5.14). */
  public boolean isRejected() {
    return port == 0;
  }

  /** The first fingerprint, or null. */
  public Fingerprint fingerprint() {
    return fingerprints.isEmpty() ? null : fingerprints.get(0);
  }

  /** The codec with this payload type. */
  public Optional<RtpCodec> codec(int payloadType) {
    return codecs.stream().filter(c -> c.payloadType() == payloadType).findFirst();
  }

  /** The RTX format that repairs {@code payloadType} (RFC 4588 {@code apt}). */
  public Optional<RtpCodec> rtxFor(int payloadType) {
    return codecs.stream()
        .filter(c -> c.isRtx() && c.associatedPayloadType() == payloadType)
        .findFirst();
  }

  /** The extension id mapped to {@code uri}, or -1. */
  public int extMapId(String uri) {
    return extMaps.stream()
        .filter(e -> e.uri().equals(uri))
        .mapToInt(ExtMap::id)
        .findFirst()
        .orElse(-1);
  }

  /** The distinct SSRCs named by {@code a=ssrc} lines, in order of appearance. */
  public List<Long> ssrcs() {
    return ssrcAttributes.stream().map(SsrcAttribute::ssrc).distinct().toList();
  }

  /** Maps each primary SSRC to its RTX SSRC, from the {@code FID} groups (RFC 4588 section 8.1). */
  public Map<Long, Long> rtxSsrcs() {
    Map<Long, Long> pairs = new LinkedHashMap<>();
    for (SsrcGroup group : ssrcGroups) {
      if (group.semantics().equals("FID") && group.ssrcs().size() == 2) {
        pairs.put(group.ssrcs().get(0), group.ssrcs().get(1));
      }
    }
    return pairs;
  }

  /** The rids this section's writer sends, in simulcast order when a=simulcast is present. */
  public List<String> sendRids() {
    if (simulcast != null && !simulcast.send().isEmpty()) {
      return simulcast.sendRids();
    }
    return rids.stream().filter(r -> r.direction() == RidDirection.SEND).map(Rid::id).toList();
  }

  /** A builder starting from this description. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder for a section of {@code kind}. */
  public static Builder builder(MediaKind kind) {
    return new Builder(kind);
  }

  /** Mutable builder for {@link MediaDescription}; used by the parser and the answerer. */
  public static final class Builder {
    private MediaKind kind;
    private int port;
    private String protocol = "UDP/TLS/RTP/SAVPF";
    private List<String> formats = new ArrayList<>();
    private String connection;
    private String rtcp;
    private String mid;
    private Direction direction = Direction.SENDRECV;
    private String iceUfrag;
    private String icePwd;
    private List<String> iceOptions = new ArrayList<>();
    private List<Fingerprint> fingerprints = new ArrayList<>();
    private Setup setup;
    private boolean rtcpMux;
    private boolean rtcpRsize;
    private List<RtpCodec> codecs = new ArrayList<>();
    private List<ExtMap> extMaps = new ArrayList<>();
    private Msid msid;
    private List<SsrcAttribute> ssrcAttributes = new ArrayList<>();
    private List<SsrcGroup> ssrcGroups = new ArrayList<>();
    private List<Rid> rids = new ArrayList<>();
    private Simulcast simulcast;
    private int sctpPort = -1;
    private long maxMessageSize = -1;
    private List<String> candidates = new ArrayList<>();
    private boolean endOfCandidates;
    private List<String> otherLines = new ArrayList<>();

    Builder(MediaKind kind) {
      this.kind = kind;
    }

    Builder(MediaDescription m) {
      kind = m.kind;
      port = m.port;
      protocol = m.protocol;
      formats = new ArrayList<>(m.formats);
      connection = m.connection;
      rtcp = m.rtcp;
      mid = m.mid;
      direction = m.direction;
      iceUfrag = m.iceUfrag;
      icePwd = m.icePwd;
      iceOptions = new ArrayList<>(m.iceOptions);
      fingerprints = new ArrayList<>(m.fingerprints);
      setup = m.setup;
      rtcpMux = m.rtcpMux;
      rtcpRsize = m.rtcpRsize;
      codecs = new ArrayList<>(m.codecs);
      extMaps = new ArrayList<>(m.extMaps);
      msid = m.msid;
      ssrcAttributes = new ArrayList<>(m.ssrcAttributes);
      ssrcGroups = new ArrayList<>(m.ssrcGroups);
      rids = new ArrayList<>(m.rids);
      simulcast = m.simulcast;
      sctpPort = m.sctpPort;
      maxMessageSize = m.maxMessageSize;
      candidates = new ArrayList<>(m.candidates);
      endOfCandidates = m.endOfCandidates;
      otherLines = new ArrayList<>(m.otherLines);
    }

    public Builder kind(MediaKind value) {
      kind = value;
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder protocol(String value) {
      protocol = value;
      return this;
    }

    public Builder formats(List<String> value) {
      formats = new ArrayList<>(value);
      return this;
    }

    public Builder connection(String value) {
      connection = value;
      return this;
    }

    public Builder rtcp(String value) {
      rtcp = value;
      return this;
    }

    public Builder mid(String value) {
      mid = value;
      return this;
    }

    public Builder direction(Direction value) {
      direction = value;
      return this;
    }

    public Builder iceUfrag(String value) {
      iceUfrag = value;
      return this;
    }

    public Builder icePwd(String value) {
      icePwd = value;
      return this;
    }

    public Builder addIceOption(String value) {
      iceOptions.add(value);
      return this;
    }

    public Builder addFingerprint(Fingerprint value) {
      fingerprints.add(value);
      return this;
    }

    public Builder setup(Setup value) {
      setup = value;
      return this;
    }

    public Builder rtcpMux(boolean value) {
      rtcpMux = value;
      return this;
    }

    public Builder rtcpRsize(boolean value) {
      rtcpRsize = value;
      return this;
    }

    public Builder codecs(List<RtpCodec> value) {
      codecs = new ArrayList<>(value);
      return this;
    }

    public Builder extMaps(List<ExtMap> value) {
      extMaps = new ArrayList<>(value);
      return this;
    }

    public Builder addExtMap(ExtMap value) {
      extMaps.add(value);
      return this;
    }

    public Builder msid(Msid value) {
      msid = value;
      return this;
    }

    public Builder addSsrcAttribute(SsrcAttribute value) {
      ssrcAttributes.add(value);
      return this;
    }

    public Builder addSsrcGroup(SsrcGroup value) {
      ssrcGroups.add(value);
      return this;
    }

    public Builder addRid(Rid value) {
      rids.add(value);
      return this;
    }

    public Builder simulcast(Simulcast value) {
      simulcast = value;
      return this;
    }

    public Builder sctpPort(int value) {
      sctpPort = value;
      return this;
    }

    public Builder maxMessageSize(long value) {
      maxMessageSize = value;
      return this;
    }

    public Builder addCandidate(String value) {
      candidates.add(value);
      return this;
    }

    public Builder endOfCandidates(boolean value) {
      endOfCandidates = value;
      return this;
    }

    public Builder addOtherLine(String value) {
      otherLines.add(value);
      return this;
    }

    String mid() {
      return mid;
    }

    List<RtpCodec> codecs() {
      return codecs;
    }

    /** Builds the immutable description. */
    public MediaDescription build() {
      return new MediaDescription(
          kind,
          port,
          protocol,
          formats,
          connection,
          rtcp,
          mid,
          direction,
          iceUfrag,
          icePwd,
          iceOptions,
          fingerprints,
          setup,
          rtcpMux,
          rtcpRsize,
          codecs,
          extMaps,
          msid,
          ssrcAttributes,
          ssrcGroups,
          rids,
          simulcast,
          sctpPort,
          maxMessageSize,
          candidates,
          endOfCandidates,
          otherLines);
    }
  }

  /** Serialises this section with CRLF line ends. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    SdpWriter.writeMedia(this, out);
    return out.toString();
  }
}
