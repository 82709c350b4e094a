package dev.podium.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code a=simulcast} line (RFC 8853 section 5.1). Each stream is a list of alternative rids; a
 * rid starting with {@code ~} is paused.
 */
public record Simulcast(List<List<String>> send, List<List<String>> recv) {

  /** Creates a simulcast description; lists are copied. */
  public Simulcast {
    send = send.stream().map(List::copyOf).toList();
    recv = recv.stream().map(List::copyOf).toList();
  }

  /** The first alternative of each send stream, without the pause marker, in order. */
  public List<String> sendRids() {
    return firstAlternatives(send);
  }

  /** The first alternative of each receive stream, without the pause marker, in order. */
  public List<String> recvRids() {
    return firstAlternatives(recv);
  }

  private static List<String> firstAlternatives(List<List<String>> streams) {
    List<String> rids = new ArrayList<>();
    for (List<String> alternatives : streams) {
      String rid = alternatives.get(0);
      rids.add(rid.startsWith("~") ? rid.substring(1) : rid);
    }
    return List.copyOf(rids);
  }

  String toSdpValue() {
    StringBuilder text = new StringBuilder();
    appendStreams(text, "send", send);
    appendStreams(text, "recv", recv);
    return text.toString();
  }

  private static void appendStreams(StringBuilder text, String label, List<List<String>> streams) {
    if (streams.isEmpty()) {
      return;
    }
    if (text.length() > 0) {
      text.append(' ');
    }
    text.append(label).append(' ');
    for (int i = 0; i < streams.size(); i++) {
      if (i > 0) {
        text.append(';');
      }
      text.append(String.join(",", streams.get(i)));
    }
  }
}
