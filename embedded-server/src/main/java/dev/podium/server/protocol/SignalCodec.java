package dev.podium.server.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Encodes and decodes {@link SignalMessage}s as JSON; shared by the server and the client SDK. */
public final class SignalCodec {
  /** Largest text frame either side accepts. */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024;

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
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
    try {
      SignalMessage message = mapper.treeToValue(tree, SignalMessage.class);
      if (!expected.isInstance(message)) {
        throw new SignalDecodeException(
            StatusCode.UNKNOWN_MESSAGE_TYPE,
            "type '" + type.asText() + "' is not accepted here",
            requestId);
      }
      return expected.cast(message);
    } catch (InvalidTypeIdException e) {
      throw new SignalDecodeException(
          StatusCode.UNKNOWN_MESSAGE_TYPE, "unknown type '" + type.asText() + "'", requestId);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SignalDecodeException(
          StatusCode.BAD_REQUEST,
          "invalid '" + type.asText() + "' message: " + shortReason(e),
          requestId);
    }
  }

  private static String shortReason(Exception e) {
    String message =
        e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    if (message == null) {
      return "wrong field types";
    }
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    return first.length() > 200 ? first.substring(0, 200) : first;
  }
}
