package dev.podium.server.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.server.api.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and checks one batch, {@code {"events": [{"name": …, "timestampMs": …, "attributes": {…}},
 * …]}}: well-formed JSON without duplicate keys or trailing data, 1 to {@link #MAX_EVENTS} events,
 * known names, flat attributes of bounded size. A refusal is a 400 whose message names the event
 * and field at fault.
 */
public final class ClientEventParser {
  /** Largest batch body (the HTTP aggregator refuses bigger ones with 413 first). */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** Most events in one batch. */
  public static final int MAX_EVENTS = 100;

  /** Most attributes on one event. */
  public static final int MAX_ATTRIBUTES = 40;

  /** Longest string attribute value. */
  public static final int MAX_STRING_CHARS = 512;

  /** Timestamps from 2000-01-01 to 2100-01-01 are believed. */
  private static final long MIN_TIMESTAMP_MS = 946_684_800_000L;

  private static final long MAX_TIMESTAMP_MS = 4_102_444_800_000L;

  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private ClientEventParser() {}

  /**
   * Parses a batch.
   *
   * @throws ApiException 400 naming the problem
   */
  public static List<ClientEvent> parse(byte[] body) {
    if (body.length == 0) {
      throw ApiException.badRequest("the body is empty: expected {\"events\": [...]}");
    }
    if (body.length > MAX_BODY_BYTES) {
      throw ApiException.badRequest(
          "the batch is " + body.length + " bytes; at most " + MAX_BODY_BYTES + " are accepted");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("the body cannot be read");
    }
    if (root == null || !root.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object {\"events\": [...]}");
    }
    JsonNode events = root.get("events");
    if (events == null || !events.isArray()) {
      throw ApiException.badRequest("events must be an array");
    }
    if (events.isEmpty() || events.size() > MAX_EVENTS) {
      throw ApiException.badRequest(
          "events must hold 1 to " + MAX_EVENTS + " events, got " + events.size());
    }
    List<ClientEvent> parsed = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      parsed.add(event(events.get(i), "events[" + i + "]"));
    }
    return parsed;
  }

  private static ClientEvent event(JsonNode node, String where) {
    if (!node.isObject()) {
      throw ApiException.badRequest(where + " must be an object");
    }
    JsonNode name = node.get("name");
    if (name == null || !name.isTextual()) {
      throw ApiException.badRequest(where + ".name must be a string");
    }
    ClientEventName known = ClientEventName.fromWire(name.asText());
    if (known == null) {
      throw ApiException.badRequest(
          where + ".name '" + printable(name.asText(), 64) + "' is not a known event name");
    }
    JsonNode timestamp = node.get("timestampMs");
    if (timestamp == null
        || !timestamp.canConvertToExactIntegral()
        || !timestamp.canConvertToLong()) {
      throw ApiException.badRequest(where + ".timestampMs must be an integer (ms since the epoch)");
    }
    long at = timestamp.asLong();
    if (at < MIN_TIMESTAMP_MS || at > MAX_TIMESTAMP_MS) {
      throw ApiException.badRequest(where + ".timestampMs " + at + " is out of range");
    }
    JsonNode attributes = node.get("attributes");
    Map<String, Object> values = new LinkedHashMap<>();
    if (attributes != null && !attributes.isNull()) {
      if (!attributes.isObject()) {
        throw ApiException.badRequest(where + ".attributes must be an object");
      }
      if (attributes.size() > MAX_ATTRIBUTES) {
        throw ApiException.badRequest(
            where + ".attributes has " + attributes.size() + " entries; at most " + MAX_ATTRIBUTES);
      }
      Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = field.getKey();
        if (!KEY.matcher(key).matches()) {
          throw ApiException.badRequest(
              where + ".attributes key '" + printable(key, 64) + "' is not a valid name");
        }
        values.put(key, value(field.getValue(), where + ".attributes." + key));
      }
    }
    return new ClientEvent(known, at, values);
  }

  private static Object value(JsonNode value, String where) {
    if (value.isTextual()) {
      if (value.asText().length() > MAX_STRING_CHARS) {
        throw ApiException.badRequest(
            where + " is longer than " + MAX_STRING_CHARS + " characters");
      }
      return value.asText();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    if (value.isNumber() && Double.isFinite(value.asDouble())) {
      return value.asDouble();
    }
    throw ApiException.badRequest(where + " must be a string, a number or a boolean");
  }

  /** {@code text} cut to {@code max} characters with control characters replaced, for messages. */
  static String printable(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max));
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) || c == '"' || c == '\\' ? '_' : c);
    }
    return out.toString();
  }
}
