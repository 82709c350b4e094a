package dev.podium.testkit;

import java.util.ArrayList;
import java.util.List;

/** Splits an SDP into its media sections for assertions. */
final class SdpLines {

  private SdpLines() {}

  /** The media sections, each starting with its m= line. */
  static List<String> mediaSections(String sdp) {
    List<String> sections = new ArrayList<>();
    StringBuilder current = null;
    for (String line : sdp.split("\r\n")) {
      if (line.startsWith("m=")) {
        if (current != null) {
          sections.add(current.toString());
        }
        current = new StringBuilder();
      }
      if (current != null) {
        current.append(line).append("\n");
      }
    }
    if (current != null) {
      sections.add(current.toString());
    }
    return sections;
  }

  /** Lines of {@code section} starting with {@code prefix}. */
  static List<String> lines(String section, String prefix) {
    return section.lines().filter(l -> l.startsWith(prefix)).toList();
  }
}
