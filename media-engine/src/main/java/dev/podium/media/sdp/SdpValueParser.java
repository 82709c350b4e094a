package dev.podium.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses attribute values of RFC 8866 lines (extmap RFC 8285, ssrc RFC 5576, rid RFC 8851,
 * simulcast RFC 8853, fingerprint RFC 8122, setup RFC 4145); failures name the current line.
 */
final class SdpValueParser {
  private static final long MAX_SSRC = 0xFFFF_FFFFL;

  private int lineNumber;
  private String line = "";

  /** Sets the line that errors will name. */
  void at(int number, String text) {
    lineNumber = number;
    line = text;
  }

  SdpParseException fail(String problem) {
    return new SdpParseException(lineNumber, line, problem);
  }

  ExtMap parseExtMap(String value) {
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

  Msid parseMsid(String value) {
    List<String> parts = tokens(requireValue(value));
    if (parts.isEmpty() || parts.size() > 2) {
      throw fail("a=msid needs a stream id and an optional track id");
    }
    return new Msid(parts.get(0), parts.size() == 2 ? parts.get(1) : null);
  }

  SsrcAttribute parseSsrc(String value) {
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

  SsrcGroup parseSsrcGroup(String value) {
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

  Rid parseRid(String value) {
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

  Simulcast parseSimulcast(String value) {
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

  List<List<String>> parseSimulcastStreams(String list) {
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

  Fingerprint parseFingerprint(String value) {
    List<String> parts = tokens(requireValue(value));
    if (parts.size() != 2) {
      throw fail("a=fingerprint needs a hash function and a value");
    }
    return new Fingerprint(parts.get(0), parts.get(1));
  }

  Setup parseSetup(String value) {
    Setup setup = Setup.fromSdp(requireValue(value).trim());
    if (setup == null) {
      throw fail("a=setup must be active, passive, actpass or holdconn");
    }
    return setup;
  }

  String[] splitPayloadType(String value) {
    String body = requireValue(value);
    int space = body.indexOf(' ');
    if (space <= 0) {
      throw fail("expected '<payload type> <value>'");
    }
    return new String[] {body.substring(0, space), body.substring(space + 1)};
  }

  int parsePayloadType(String text) {
    return (int) parseLong(text, 0, 127, "payload type");
  }

  long parseLong(String text, long min, long max, String what) {
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

  String requireValue(String value) {
    if (value == null || value.isBlank()) {
      throw fail("missing value");
    }
    return value;
  }

  static List<String> tokens(String value) {
    List<String> tokens = new ArrayList<>();
    for (String token : value.trim().split("[ \t]+")) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return tokens;
  }
}
