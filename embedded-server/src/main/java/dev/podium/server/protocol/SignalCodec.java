package dev.podium.server.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Encodes and decodes {@link SignalMessage}s as JSON; shared by the server and the client SDK. */
public final class SignalCodec {
  /** Largest text frame either side accepts. */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024;

  /** Longest piece of a client's text (the unknown type) repeated in an error message. */
  private static final int MAX_ECHOED_CHARS = 64;

  private static final Map<String, Class<?>> TYPES = typesByName();

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  /** The JSON text of a message. */
  public String encode(SignalMessage message) {
    try {
      return mapper.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
    }
  }

  /**
   * Parses one message.
   *
   * @throws SignalDecodeException with {@link StatusCode#UNKNOWN_MESSAGE_TYPE} or {@link
   *     StatusCode#BAD_REQUEST} and a message saying what is wrong
   */
  public <T extends SignalMessage> T decode(String json, Class<T> expected) {
    if (json == null) {
      throw new SignalDecodeException(StatusCode.BAD_REQUEST, "a message is a JSON object", null);
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SignalDecodeException(StatusCode.BAD_REQUEST, "not valid JSON", null);
    }
    if (tree == null || !tree.isObject()) {
      throw new SignalDecodeException(StatusCode.BAD_REQUEST, "a message is a JSON object", null);
    }
    String requestId = tree.path("requestId").isTextual() ? tree.get("requestId").asText() : null;
    JsonNode type = tree.get("type");
    if (type == null || !type.isTextual()) {
      throw new SignalDecodeException(
          StatusCode.BAD_REQUEST, "missing string field 'type'", requestId);
    }
    String name = type.asText();
    Class<?> declared = TYPES.get(name);
    if (declared == null) {
      throw new SignalDecodeException(
          StatusCode.UNKNOWN_MESSAGE_TYPE, "unknown type '" + echo(name) + "'", requestId);
    }
    if (!expected.isAssignableFrom(declared)) {
      throw new SignalDecodeException(
          StatusCode.UNKNOWN_MESSAGE_TYPE, "type '" + name + "' is not accepted here", requestId);
    }
    try {
      return expected.cast(mapper.treeToValue(tree, SignalMessage.class));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SignalDecodeException(
          StatusCode.BAD_REQUEST, "invalid '" + name + "' message: " + shortReason(e), requestId);
    }
  }

  private static Map<String, Class<?>> typesByName() {
    Map<String, Class<?>> types = new HashMap<>();
    for (JsonSubTypes.Type t : SignalMessage.class.getAnnotation(JsonSubTypes.class).value()) {
      types.put(t.name(), t.value());
    }
    return Map.copyOf(types);
  }

  private static String echo(String text) {
    return text.length() <= MAX_ECHOED_CHARS ? text : text.substring(0, MAX_ECHOED_CHARS) + "...";
  }

  private static String shortReason(Exception e) {
    String message =
        e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    if (message == null) {
      message = "wrong field types";
    }
    int cut = message.indexOf('\n');
    String first = cut < 0 ? message : message.substring(0, cut);
    int hint = first.indexOf(" (set DeserializationConfig");
    first = hint < 0 ? first : first.substring(0, hint);
    hint = first.indexOf(" (but ");
    first = hint < 0 ? first : first.substring(0, hint);
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      first = "field '" + field + "': " + first;
    }
    return first.length() > 200 ? first.substring(0, 200) : first;
  }
}
