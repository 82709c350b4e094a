package dev.podium.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed fields of a request body with precise refusals ("MeetingFeatures.Audio.BitrateKbps
 * must be an integer"). JSON null counts as absent; fields not read are ignored.
 */
final class JsonFields {
  private final JsonNode node;
  private final String path;

  private JsonFields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The request body itself, which must be a JSON object. */
  static JsonFields root(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("request body must be a JSON object");
    }
    return new JsonFields(body, "");
  }

  private String name(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private JsonNode present(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  /** A nested object, if present. */
  Optional<JsonFields> object(String field) {
    JsonNode value = present(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw ApiException.badRequest(name(field) + " must be a JSON object");
    }
    return Optional.of(new JsonFields(value, name(field)));
  }

  /** A required nested object. */
  JsonFields requiredObject(String field) {
    return object(field).orElseThrow(() -> missing(field));
  }

  /** A string of {@code min} to {@code max} characters, if present. */
  Optional<String> text(String field, int min, int max) {
    JsonNode value = present(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest(name(field) + " must be a string");
    }
    String text = value.textValue();
    if (text.length() < min || text.length() > max) {
      throw ApiException.badRequest(
          name(field)
              + " must be "
              + min
              + " to "
              + max
              + " characters long (got "
              + text.length()
              + ")");
    }
    return Optional.of(text);
  }

  /** A string of any length (checked by the caller), if present. */
  Optional<String> anyText(String field) {
    return text(field, 0, Integer.MAX_VALUE);
  }

  /** A required string of any length. */
  String requiredText(String field) {
    return anyText(field).orElseThrow(() -> missing(field));
  }

  /** One of a fixed set of strings, if present. */
  <T> Optional<T> choice(String field, Function<String, Optional<T>> parse, String allowed) {
    return anyText(field)
        .map(
            v ->
                parse
                    .apply(v)
                    .orElseThrow(
                        () ->
                            ApiException.badRequest(
                                name(field)
                                    + " must be one of "
                                    + allowed
                                    + " (got '"
                                    + shorten(v)
                                    + "')")));
  }

  /** A required choice. */
  <T> T requiredChoice(String field, Function<String, Optional<T>> parse, String allowed) {
    return choice(field, parse, allowed).orElseThrow(() -> missing(field));
  }

  /** An integer in [min, max], if present. */
  Optional<Integer> integer(String field, int min, int max) {
    JsonNode value = present(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ApiException.badRequest(name(field) + " must be an integer");
    }
    int v = value.intValue();
    if (v < min || v > max) {
      throw ApiException.badRequest(
          name(field) + " must be between " + min + " and " + max + " (got " + v + ")");
    }
    return Optional.of(v);
  }

  /** A boolean, if present. */
  Optional<Boolean> bool(String field) {
    JsonNode value = present(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw ApiException.badRequest(name(field) + " must be true or false");
    }
    return Optional.of(value.booleanValue());
  }

  /** A required array of {@code min} to {@code max} objects. */
  java.util.List<JsonFields> objectArray(String field, int min, int max) {
    JsonNode value = present(field);
    if (value == null) {
      throw missing(field);
    }
    if (!value.isArray()) {
      throw ApiException.badRequest(name(field) + " must be a JSON array");
    }
    if (value.size() < min || value.size() > max) {
      throw ApiException.badRequest(
          name(field) + " must hold " + min + " to " + max + " items (got " + value.size() + ")");
    }
    java.util.List<JsonFields> items = new java.util.ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String itemName = name(field) + "[" + i + "]";
      if (!item.isObject()) {
        throw ApiException.badRequest(itemName + " must be a JSON object");
      }
      items.add(new JsonFields(item, itemName));
    }
    return items;
  }

  private ApiException missing(String field) {
    return ApiException.badRequest(name(field) + " is required");
  }

  private static String shorten(String v) {
    return v.length() <= 32 ? v : v.substring(0, 32) + "…";
  }
}
