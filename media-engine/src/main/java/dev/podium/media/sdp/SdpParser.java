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
  private final String text;
  private final SdpValueParser values = new SdpValueParser();
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
      values.at(lineNumber, line);
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
      case 'c' -> session.connection = values.requireValue(value);
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
    long version = values.parseLong(parts[2], 0, Long.MAX_VALUE, "o= session version");
    return new Origin(parts[0], parts[1], version, parts[3], parts[4], parts[5]);
  }

  private void parseSessionAttribute(Session session, String attribute) {
    String name = attributeName(attribute);
    String value = attributeValue(attribute);
    switch (name) {
      case "ice-lite" -> session.iceLite = true;
      case "ice-ufrag" -> session.iceUfrag = values.requireValue(value);
      case "ice-pwd" -> session.icePwd = values.requireValue(value);
      case "ice-options" ->
          session.iceOptions.addAll(SdpValueParser.tokens(values.requireValue(value)));
      case "fingerprint" -> session.fingerprints.add(values.parseFingerprint(value));
      case "setup" -> session.setup = values.parseSetup(value);
      case "group" -> session.groups.add(parseGroup(value));
      case "extmap-allow-mixed" -> session.extmapAllowMixed = true;
      case "msid-semantic" -> session.msidSemantic = values.requireValue(value).trim();
      default -> session.otherLines.add(line);
    }
  }

  private Group parseGroup(String value) {
    List<String> parts = SdpValueParser.tokens(values.requireValue(value));
    if (parts.isEmpty()) {
      throw fail("a=group needs semantics");
    }
    return new Group(parts.get(0), parts.subList(1, parts.size()));
  }

  // --- media level ---------------------------------------------------------------------------

  private MediaState parseMediaLine(String value) {
    List<String> parts = SdpValueParser.tokens(value);
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
    int port = (int) values.parseLong(parts.get(1), 0, 65535, "port");
    MediaState media = new MediaState(kind);
    media.builder.port(port).protocol(parts.get(2)).formats(parts.subList(3, parts.size()));
    media.formats = parts.subList(3, parts.size());
    return media;
  }

  private void parseMediaLevelLine(MediaState media, char type, String value) {
    switch (type) {
      case 'c' -> media.builder.connection(values.requireValue(value));
      case 'a' -> parseMediaAttribute(media, value);
      default -> media.builder.addOtherLine(line);
    }
  }

  private void parseMediaAttribute(MediaState media, String attribute) {
    String name = attributeName(attribute);
    String value = attributeValue(attribute);
    MediaDescription.Builder m = media.builder;
    switch (name) {
      case "rtcp" -> m.rtcp(values.requireValue(value));
      case "ice-ufrag" -> m.iceUfrag(values.requireValue(value));
      case "ice-pwd" -> m.icePwd(values.requireValue(value));
      case "ice-options" ->
          SdpValueParser.tokens(values.requireValue(value)).forEach(m::addIceOption);
      case "fingerprint" -> m.addFingerprint(values.parseFingerprint(value));
      case "setup" -> m.setup(values.parseSetup(value));
      case "mid" -> m.mid(values.requireValue(value));
      case "extmap" -> m.addExtMap(values.parseExtMap(value));
      case "sendrecv", "sendonly", "recvonly", "inactive" -> m.direction(Direction.fromSdp(name));
      case "msid" -> m.msid(values.parseMsid(value));
      case "rtcp-mux" -> m.rtcpMux(true);
      case "rtcp-rsize" -> m.rtcpRsize(true);
      case "rtpmap" -> parseRtpMap(media, value);
      case "fmtp" -> parseFmtp(media, value);
      case "rtcp-fb" -> parseRtcpFeedback(media, value);
      case "ssrc" -> m.addSsrcAttribute(values.parseSsrc(value));
      case "ssrc-group" -> m.addSsrcGroup(values.parseSsrcGroup(value));
      case "rid" -> m.addRid(values.parseRid(value));
      case "simulcast" -> m.simulcast(values.parseSimulcast(value));
      case "sctp-port" ->
          m.sctpPort((int) values.parseLong(values.requireValue(value), 0, 65535, "sctp port"));
      case "max-message-size" ->
          m.maxMessageSize(
              values.parseLong(values.requireValue(value), 0, Long.MAX_VALUE, "max message size"));
      case "candidate" -> m.addCandidate(values.requireValue(value));
      case "end-of-candidates" -> m.endOfCandidates(true);
      default -> m.addOtherLine(line);
    }
  }

  private void parseRtpMap(MediaState media, String value) {
    String[] head = values.splitPayloadType(value);
    int payloadType = values.parsePayloadType(head[0]);
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
    codec.clockRate = (int) values.parseLong(encoding[1], 1, Integer.MAX_VALUE, "clock rate");
    codec.channels =
        encoding.length == 3 ? (int) values.parseLong(encoding[2], 1, 255, "channel count") : 0;
  }

  private void parseFmtp(MediaState media, String value) {
    String[] head = values.splitPayloadType(value);
    CodecState codec = media.codec(values.parsePayloadType(head[0]));
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
    String[] head = values.splitPayloadType(value);
    if (head[0].equals("*")) {
      media.builder.addOtherLine(line); // wildcard feedback applies to all formats
      return;
    }
    String feedback = String.join(" ", SdpValueParser.tokens(head[1]));
    if (feedback.isEmpty()) {
      throw fail("a=rtcp-fb without a feedback type");
    }
    media.codec(values.parsePayloadType(head[0])).rtcpFeedback.add(feedback);
  }

  // --- shared helpers ------------------------------------------------------------------------

  private static String attributeName(String attribute) {
    int colon = attribute.indexOf(':');
    return colon < 0 ? attribute : attribute.substring(0, colon);
  }

  private static String attributeValue(String attribute) {
    int colon = attribute.indexOf(':');
    return colon < 0 ? null : attribute.substring(colon + 1);
  }

  private static boolean isLowerLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private SdpParseException fail(String problem) {
    values.at(lineNumber, line);
    return values.fail(problem);
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
