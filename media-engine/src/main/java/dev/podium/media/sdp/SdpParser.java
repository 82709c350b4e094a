package dev.podium.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Line parser for RFC 8866 SDP with the WebRTC attributes of JSEP (RFC 8829). Every failure is an
 * {@link SdpParseException} naming the line; unknown lines and attributes are kept verbatim.
 */
final class SdpParser {
  private static final long MAX_SSRC = 0xFFFF_FFFFL;

  private final String text;
  private int lineNumber;
  private String line;

  SdpParser(String text) {
    this.text = text;
  }

  SessionDescription parse() {
    if (text == null || text.isBlank()) {
      throw new SdpParseException(0, "", "empty description");
    }
    String[] lines = text.split("\n", -1);
    Session session = new Session();
    MediaState media = null;
    List<MediaDescription> sections = new ArrayList<>();
    boolean sawVersion = false;
    for (int i = 0; i < lines.length; i++) {
      lineNumber = i + 1;
      line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isEmpty()) {
        continue; // tolerate blank lines, e.g. the one after the final CRLF
      }
      if (line.length() < 2 || line.charAt(1) != '=' || !isLowerLetter(line.charAt(0))) {
        throw fail("expected <type>=<value> with a lower-case letter type");
      }
      char type = line.charAt(0);
      String value = line.substring(2);
      if (!sawVersion) {
        if (type != 'v' || !value.equals("0")) {
          throw fail("an SDP must start with v=0");
        }
        sawVersion = true;
        continue;
      }
      if (type == 'm') {
        if (media != null) {
          sections.add(media.build());
        }
        media = parseMediaLine(value);
      } else if (media == null) {
        parseSessionLine(session, type, value);
      } else {
        parseMediaLevelLine(media, type, value);
      }
    }
    if (media != null) {
      sections.add(media.build());
    }
    lineNumber = 0;
    line = "";
    if (session.origin == null) {
      throw fail("missing o= line");
    }
    if (session.name == null) {
      throw fail("missing s= line");
    }
    if (session.timing == null) {
      throw fail("missing t= line");
    }
    return new SessionDescription(
        session.origin,
        session.name,
        session.timing,
        session.connection,
        session.iceLite,
        session.iceUfrag,
        session.icePwd,
        session.iceOptions,
        session.fingerprints,
        session.setup,
        session.groups,
        session.extmapAllowMixed,
        session.msidSemantic,
        session.otherLines,
        sections);
  }

  // --- session level -------------------------------------------------------------------------

  private void parseSessionLine(Session session, char type, String value) {
    switch (type) {
      case 'v' -> throw fail("repeated v= line");
      case 'o' -> {
        if (session.origin != null) {
          throw fail("repeated o= line");
        }
        session.origin = parseOrigin(value);
      }
      case 's' -> {
        if (session.name != null) {
          throw fail("repeated s= line");
        }
        session.name = value;
      }
      case 't' -> {
        if (session.timing == null) {
          session.timing = value;
        } else {
          session.otherLines.add(line);
        }
      }
      case 'c' -> session.connection = requireValue(value);
      case 'a' -> parseSessionAttribute(session, value);
      default -> session.otherLines.add(line);
    }
  }

  private Origin parseOrigin(String value) {
    String[] parts = value.split(" ", -1);
    if (parts.length != 6) {
      throw fail("o= needs 6 fields");
    }
    for (String part : parts) {
      if (part.isEmpty()) {
        throw fail("empty o= field");
      }
    }
    if (!parts[1].chars().allMatch(Character::isDigit)) {
      throw fail("o= session id must be numeric");
    }
    long version = parseLong(parts[2], 0, Long.MAX_VALUE, "o= session version");
    return new Origin(parts[0], parts[1], version, parts[3], parts[4], parts[5]);
  }

  private void parseSessionAttribute(Session session, String attribute) {
    String name = attributeName(attribute);
    String value = attributeValue(attribute);
    switch (name) {
      case "ice-lite" -> session.iceLite = true;
      case "ice-ufrag" -> session.iceUfrag = requireValue(value);
      case "ice-pwd" -> session.icePwd = requireValue(value);
      case "ice-options" -> session.iceOptions.addAll(tokens(requireValue(value)));
      case "fingerprint" -> session.fingerprints.add(parseFingerprint(value));
      case "setup" -> session.setup = parseSetup(value);
      case "group" -> session.groups.add(parseGroup(value));
      case "extmap-allow-mixed" -> session.extmapAllowMixed = true;
      case "msid-semantic" -> session.msidSemantic = requireValue(value).trim();
      default -> session.otherLines.add(line);
    }
  }

  private Group parseGroup(String value) {
    List<String> parts = tokens(requireValue(value));
    if (parts.isEmpty()) {
      throw fail("a=group needs semantics");
    }
    return new Group(parts.get(0), parts.subList(1, parts.size()));
  }

  // --- media level ---------------------------------------------------------------------------

  private MediaState parseMediaLine(String value) {
    List<String> parts = tokens(value);
    if (parts.size() < 4) {
      throw fail("m= needs media, port, protocol and at least one format");
    }
    MediaKind kind = MediaKind.fromSdp(parts.get(0));
    if (kind == null) {
      throw fail("unknown media type '" + parts.get(0) + "'");
    }
    if (parts.get(1).contains("/")) {
      throw fail("port ranges (port/count) are not supported");
    }
    int port = (int) parseLong(parts.get(1), 0, 65535, "port");
    MediaState media = new MediaState(kind);
    media.builder.port(port).protocol(parts.get(2)).formats(parts.subList(3, parts.size()));
    media.formats = parts.subList(3, parts.size());
    return media;
  }

  private void parseMediaLevelLine(MediaState media, char type, String value) {
    switch (type) {
      case 'c' -> media.builder.connection(requireValue(value));
      case 'a' -> parseMediaAttribute(media, value);
      default -> media.builder.addOtherLine(line);
    }
  }

  private void parseMediaAttribute(MediaState media, String attribute) {
    String name = attributeName(attribute);
    String value = attributeValue(attribute);
    MediaDescription.Builder m = media.builder;
    switch (name) {
      case "rtcp" -> m.rtcp(requireValue(value));
      case "ice-ufrag" -> m.iceUfrag(requireValue(value));
      case "ice-pwd" -> m.icePwd(requireValue(value));
      case "ice-options" -> tokens(requireValue(value)).forEach(m::addIceOption);
      case "fingerprint" -> m.addFingerprint(parseFingerprint(value));
      case "setup" -> m.setup(parseSetup(value));
      case "mid" -> m.mid(requireValue(value));
      case "extmap" -> m.addExtMap(parseExtMap(value));
      case "sendrecv", "sendonly", "recvonly", "inactive" -> m.direction(Direction.fromSdp(name));
      case "msid" -> m.msid(parseMsid(value));
      case "rtcp-mux" -> m.rtcpMux(true);
      case "rtcp-rsize" -> m.rtcpRsize(true);
      case "rtpmap" -> parseRtpMap(media, value);
      case "fmtp" -> parseFmtp(media, value);
      case "rtcp-fb" -> parseRtcpFeedback(media, value);
      case "ssrc" -> m.addSsrcAttribute(parseSsrc(value));
      case "ssrc-group" -> m.addSsrcGroup(parseSsrcGroup(value));
      case "rid" -> m.addRid(parseRid(value));
      case "simulcast" -> m.simulcast(parseSimulcast(value));
      case "sctp-port" -> m.sctpPort((int) parseLong(requireValue(value), 0, 65535, "sctp port"));
      case "max-message-size" ->
          m.maxMessageSize(parseLong(requireValue(value), 0, Long.MAX_VALUE, "max message size"));
      case "candidate" -> m.addCandidate(requireValue(value));
      case "end-of-candidates" -> m.endOfCandidates(true);
      default -> m.addOtherLine(line);
    }
  }

  private ExtMap parseExtMap(String value) {
    List<String> parts = tokens(requireValue(value));
    if (parts.size() < 2) {
      throw fail("a=extmap needs an id and a URI");
    }
    String idPart = parts.get(0);
    Direction direction = null;
    int slash = idPart.indexOf('/');
    if (slash >= 0) {
      direction = Direction.fromSdp(idPart.substring(slash + 1));
      if (direction == null) {
        throw fail("unknown extmap direction");
      }
      idPart = idPart.substring(0, slash);
    }
    int id = (int) parseLong(idPart, 1, 4095, "extmap id");
    String attributes = parts.size() > 2 ? String.join(" ", parts.subList(2, parts.size())) : null;
    return new ExtMap(id, parts.get(1), direction, attributes);
  }

  private Msid parseMsid(String value) {
    List<String> parts = tokens(requireValue(value));
    if (parts.isEmpty() || parts.size() > 2) {
      throw fail("a=msid needs a stream id and an optional track id");
    }
    return new Msid(parts.get(0), parts.size() == 2 ? parts.get(1) : null);
  }

  private void parseRtpMap(MediaState media, String value) {
    String[] head = splitPayloadType(value);
    int payloadType = parsePayloadType(head[0]);
    String[] encoding = head[1].trim().split("/", -1);
    if (encoding.length < 2 || encoding.length > 3 || encoding[0].isEmpty()) {
      throw fail("a=rtpmap needs <encoding>/<clock rate>[/<channels>]");
    }
    if (encoding[0].contains(" ")) {
      throw fail("spaces in an encoding name");
    }
    CodecState codec = media.codec(payloadType);
    if (codec.name != null) {
      throw fail("repeated a=rtpmap for payload type " + payloadType);
    }
    codec.name = encoding[0];
    codec.clockRate = (int) parseLong(encoding[1], 1, Integer.MAX_VALUE, "clock rate");
    codec.channels =
        encoding.length == 3 ? (int) parseLong(encoding[2], 1, 255, "channel count") : 0;
  }

  private void parseFmtp(MediaState media, String value) {
    String[] head = splitPayloadType(value);
    CodecState codec = media.codec(parsePayloadType(head[0]));
    for (String parameter : head[1].split(";")) {
      String trimmed = parameter.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals == 0) {
        throw fail("fmtp parameter without a name");
      }
      if (equals < 0) {
        codec.fmtp.put(trimmed, "");
      } else {
        String parameterValue = trimmed.substring(equals + 1).trim();
        if (parameterValue.isEmpty()) {
          throw fail("fmtp parameter '" + trimmed + "' without a value");
        }
        codec.fmtp.put(trimmed.substring(0, equals).trim(), parameterValue);
      }
    }
  }

  private void parseRtcpFeedback(MediaState media, String value) {
    String[] head = splitPayloadType(value);
    if (head[0].equals("*")) {
      media.builder.addOtherLine(line); // wildcard feedback applies to all formats
      return;
    }
    String feedback = String.join(" ", tokens(head[1]));
    if (feedback.isEmpty()) {
      throw fail("a=rtcp-fb without a feedback type");
    }
    media.codec(parsePayloadType(head[0])).rtcpFeedback.add(feedback);
  }

  private SsrcAttribute parseSsrc(String value) {
    String body = requireValue(value);
    int space = body.indexOf(' ');
    if (space <= 0 || space == body.length() - 1) {
      throw fail("a=ssrc needs an SSRC and an attribute");
    }
    long ssrc = parseLong(body.substring(0, space), 0, MAX_SSRC, "SSRC");
    String rest = body.substring(space + 1);
    int colon = rest.indexOf(':');
    if (colon == 0) {
      throw fail("a=ssrc attribute without a name");
    }
    return colon < 0
        ? new SsrcAttribute(ssrc, rest, null)
        : new SsrcAttribute(ssrc, rest.substring(0, colon), rest.substring(colon + 1));
  }

  private SsrcGroup parseSsrcGroup(String value) {
    List<String> parts = tokens(requireValue(value));
    if (parts.size() < 2) {
      throw fail("a=ssrc-group needs semantics and SSRCs");
    }
    List<Long> ssrcs = new ArrayList<>();
    for (String part : parts.subList(1, parts.size())) {
      ssrcs.add(parseLong(part, 0, MAX_SSRC, "SSRC"));
    }
    return new SsrcGroup(parts.get(0), ssrcs);
  }

  private Rid parseRid(String value) {
    List<String> parts = tokens(requireValue(value));
    if (parts.size() < 2) {
      throw fail("a=rid needs an id and a direction");
    }
    RidDirection direction =
        switch (parts.get(1)) {
          case "send" -> RidDirection.SEND;
          case "recv" -> RidDirection.RECV;
          default -> throw fail("a=rid direction must be send or recv");
        };
    String restrictions =
        parts.size() > 2 ? String.join(" ", parts.subList(2, parts.size())) : null;
    return new Rid(parts.get(0), direction, restrictions);
  }

  private Simulcast parseSimulcast(String value) {
    List<String> parts = tokens(requireValue(value));
    if (parts.size() != 2 && parts.size() != 4) {
      throw fail("a=simulcast needs 'send <streams>' and/or 'recv <streams>'");
    }
    List<List<String>> send = List.of();
    List<List<String>> recv = List.of();
    for (int i = 0; i < parts.size(); i += 2) {
      List<List<String>> streams = parseSimulcastStreams(parts.get(i + 1));
      switch (parts.get(i)) {
        case "send" -> {
          if (!send.isEmpty()) {
            throw fail("repeated simulcast send list");
          }
          send = streams;
        }
        case "recv" -> {
          if (!recv.isEmpty()) {
            throw fail("repeated simulcast recv list");
          }
          recv = streams;
        }
        default -> throw fail("simulcast direction must be send or recv");
      }
    }
    return new Simulcast(send, recv);
  }

  private List<List<String>> parseSimulcastStreams(String list) {
    List<List<String>> streams = new ArrayList<>();
    for (String stream : list.split(";", -1)) {
      List<String> alternatives = new ArrayList<>();
      for (String rid : stream.split(",", -1)) {
        if (rid.isEmpty() || rid.equals("~")) {
          throw fail("empty rid in simulcast list");
        }
        alternatives.add(rid);
      }
      streams.add(alternatives);
    }
    return streams;
  }

  // --- shared helpers ------------------------------------------------------------------------

  private Fingerprint parseFingerprint(String value) {
    List<String> parts = tokens(requireValue(value));
    if (parts.size() != 2) {
      throw fail("a=fingerprint needs a hash function and a value");
    }
    return new Fingerprint(parts.get(0), parts.get(1));
  }

  private Setup parseSetup(String value) {
    Setup setup = Setup.fromSdp(requireValue(value).trim());
    if (setup == null) {
      throw fail("a=setup must be active, passive, actpass or holdconn");
    }
    return setup;
  }

  private String[] splitPayloadType(String value) {
    String body = requireValue(value);
    int space = body.indexOf(' ');
    if (space <= 0) {
      throw fail("expected '<payload type> <value>'");
    }
    return new String[] {body.substring(0, space), body.substring(space + 1)};
  }

  private int parsePayloadType(String text) {
    return (int) parseLong(text, 0, 127, "payload type");
  }

  private long parseLong(String text, long min, long max, String what) {
    if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw fail(what + " '" + text + "' is not a number");
    }
    long number;
    try {
      number = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw fail(what + " '" + text + "' is too large");
    }
    if (number < min || number > max) {
      throw fail(what + " " + number + " is out of range " + min + ".." + max);
    }
    return number;
  }

  private String requireValue(String value) {
    if (value == null || value.isBlank()) {
      throw fail("missing value");
    }
    return value;
  }

  private static String attributeName(String attribute) {
    int colon = attribute.indexOf(':');
    return colon < 0 ? attribute : attribute.substring(0, colon);
  }

  private static String attributeValue(String attribute) {
    int colon = attribute.indexOf(':');
    return colon < 0 ? null : attribute.substring(colon + 1);
  }

  private static List<String> tokens(String value) {
    List<String> tokens = new ArrayList<>();
    for (String token : value.trim().split("[ \t]+")) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  private static boolean isLowerLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private SdpParseException fail(String problem) {
    return new SdpParseException(lineNumber, line, problem);
  }

  /** Session-level fields collected while reading. */
  private static final class Session {
    Origin origin;
    String name;
    String timing;
    String connection;
    boolean iceLite;
    String iceUfrag;
    String icePwd;
    final List<String> iceOptions = new ArrayList<>();
    final List<Fingerprint> fingerprints = new ArrayList<>();
    Setup setup;
    final List<Group> groups = new ArrayList<>();
    boolean extmapAllowMixed;
    String msidSemantic;
    final List<String> otherLines = new ArrayList<>();
  }

  /** One media section being read; codecs are assembled in m-line order when it ends. */
  private static final class MediaState {
    final MediaDescription.Builder builder;
    List<String> formats = List.of();
    final Map<Integer, CodecState> codecs = new LinkedHashMap<>();

    MediaState(MediaKind kind) {
      builder = MediaDescription.builder(kind);
    }

    CodecState codec(int payloadType) {
      return codecs.computeIfAbsent(payloadType, CodecState::new);
    }

    MediaDescription build() {
      List<RtpCodec> ordered = new ArrayList<>();
      Map<Integer, CodecState> remaining = new LinkedHashMap<>(codecs);
      for (String format : formats) {
        try {
          CodecState codec = remaining.remove(Integer.parseInt(format));
          if (codec != null) {
            ordered.add(codec.toCodec());
          }
        } catch (NumberFormatException e) {
          // non-RTP format such as webrtc-datachannel
        }
      }
      remaining.values().forEach(codec -> ordered.add(codec.toCodec()));
      return builder.codecs(ordered).build();
    }
  }

  /** One payload type's rtpmap, fmtp and rtcp-fb lines. */
  private static final class CodecState {
    final int payloadType;
    String name;
    int clockRate;
    int channels;
    final Map<String, String> fmtp = new LinkedHashMap<>();
    final List<String> rtcpFeedback = new ArrayList<>();

    CodecState(int payloadType) {
      this.payloadType = payloadType;
    }

    RtpCodec toCodec() {
      return new RtpCodec(
          payloadType, name == null ? "" : name, clockRate, channels, fmtp, rtcpFeedback);
    }
  }
}
