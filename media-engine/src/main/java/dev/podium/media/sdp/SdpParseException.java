package dev.podium.media.sdp;

/** Thrown when an SDP text breaks RFC 8866 syntax; names the offending line (1-based). */
public final class SdpParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int lineNumber;
  private final String line;

  /** Creates an exception for line {@code lineNumber} (1-based, 0 when not tied to a line). */
  public SdpParseException(int lineNumber, String line, String problem) {
    super(
        lineNumber > 0
            ? "SDP line " + lineNumber + " (" + abbreviate(line) + "): " + problem
            : "SDP: " + problem);
    this.lineNumber = lineNumber;
    this.line = line;
  }

  /** The 1-based number of the offending line, or 0 when the problem concerns the whole text. */
  public int lineNumber() {
    return lineNumber;
  }

  /** The offending line as read, or an empty string. */
  public String line() {
    return line == null ? "" : line;
  }

  private static String abbreviate(String line) {
    if (line == null) {
      return "";
    }
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }
}
