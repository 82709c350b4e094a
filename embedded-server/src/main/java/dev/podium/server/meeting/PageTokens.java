package dev.podium.server.meeting;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** ListAttendees' opaque next-token: the creation sequence of the last attendee returned. */
final class PageTokens {
  private static final String PREFIX = "after:";

  private PageTokens() {}

  static String encode(long sequence) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + sequence).getBytes(StandardCharsets.US_ASCII));
  }

  static long decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      if (text.startsWith(PREFIX)) {
        long sequence = Long.parseLong(text.substring(PREFIX.length()));
        if (sequence >= 0) {
          return sequence;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the refusal below (NumberFormatException is an IllegalArgumentException)
    }
    throw MeetingServiceException.badRequest(
        "next-token is not valid: pass the NextToken of the previous ListAttendees page");
  }
}
