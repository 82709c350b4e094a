package dev.podium.server.signaling;

import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.StatusCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Data-message rules of a meeting (seed: up to 2 KB each): validation, and the messages kept for
 * late joiners (those sent with a lifetime; up to 1,024 per meeting, at most 5 minutes). Guarded by
 * the owning room's lock.
 */
final class DataMessages {
  static final int MAX_PAYLOAD_BYTES = 2048;
  static final long MAX_LIFETIME_MILLIS = 300_000;
  static final int MAX_RETAINED = 1024;

  /** Chime's topic rule: 1–36 letters, digits, '-' or '_'. */
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,36}");

  private final ArrayDeque<Retained> retained = new ArrayDeque<>();

  /** Validates a message; returns null when fine, else the refusal. */
  static Refusal validate(String topic, String data, Long lifetimeMs) {
    if (topic == null || !TOPIC.matcher(topic).matches()) {
      return new Refusal(
          StatusCode.DATA_MESSAGE_INVALID_TOPIC,
          "topic must be 1-36 characters of letters, digits, '-' or '_'");
    }
    byte[] payload;
    try {
      payload = data == null ? new byte[0] : Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      return new Refusal(StatusCode.BAD_REQUEST, "data must be base64");
    }
    if (payload.length > MAX_PAYLOAD_BYTES) {
      return new Refusal(
          StatusCode.DATA_MESSAGE_TOO_LARGE,
          "data is " + payload.length + " bytes; the limit is " + MAX_PAYLOAD_BYTES);
    }
    if (lifetimeMs != null && (lifetimeMs < 0 || lifetimeMs > MAX_LIFETIME_MILLIS)) {
      return new Refusal(
          StatusCode.BAD_REQUEST, "lifetimeMs must be between 0 and " + MAX_LIFETIME_MILLIS);
    }
    return null;
  }

  void retain(ServerMessage.Data message, long lifetimeMs, long nowMillis) {
    if (lifetimeMs <= 0) {
      return;
    }
    expire(nowMillis);
    if (retained.size() >= MAX_RETAINED) {
      retained.pollFirst();
    }
    retained.addLast(new Retained(message, nowMillis + lifetimeMs));
  }

  /** Messages still within their lifetime, oldest first. */
  List<ServerMessage.Data> live(long nowMillis) {
    expire(nowMillis);
    List<ServerMessage.Data> live = new ArrayList<>(retained.size());
    for (Retained r : retained) {
      live.add(r.message());
    }
    return live;
  }

  private void expire(long nowMillis) {
    Iterator<Retained> it = retained.iterator();
    while (it.hasNext()) {
      if (it.next().expiresAtMillis() <= nowMillis) {
        it.remove();
      }
    }
  }

  record Refusal(StatusCode code, String message) {}

  private record Retained(ServerMessage.Data message, long expiresAtMillis) {}
}
