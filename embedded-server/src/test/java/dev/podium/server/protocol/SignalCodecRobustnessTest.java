package dev.podium.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile input: deep nesting, huge values, and mutated valid messages. */
class SignalCodecRobustnessTest {
  private static final long BOUND_MILLIS = 3_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SignalCodec codec = new SignalCodec();

  /** Decodes and returns what happened; anything but a message or a SignalDecodeException fails. */
  private Object outcome(String json, Class<? extends SignalMessage> expected) {
    try {
      return codec.decode(json, expected);
    } catch (SignalDecodeException e) {
      return e;
    } catch (Throwable t) { // StackOverflowError, IllegalArgumentException, ...
      String shown = String.valueOf(json);
      throw new AssertionError(
          "decode threw " + t + " for: " + shown.substring(0, Math.min(300, shown.length())), t);
    }
  }

  private SignalDecodeException refusedWithinBound(String json) {
    long start = System.nanoTime();
    Object result = outcome(json, ClientMessage.class);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).as("decode time in ms").isLessThan(BOUND_MILLIS);
    assertThat(result).isInstanceOf(SignalDecodeException.class);
    return (SignalDecodeException) result;
  }

  @ParameterizedTest
  @ValueSource(ints = {1_001, 10_000, 200_000})
  void refusesDeepNestingEverywhereWithoutOverflowingTheStack(int depth) {
    String arrays = "[".repeat(depth) + "]".repeat(depth);
    String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    List<String> hostile =
        List.of(
            arrays,
            "{\"type\":\"ping\",\"x\":" + arrays + "}",
            "{\"type\":\"ping\",\"x\":" + objects + "}",
            "{\"type\":" + arrays + "}",
            "{\"type\":\"join\",\"protocolVersion\":1,\"clientInfo\":" + objects + "}",
            "{\"type\":\"offer\",\"videoBindings\":{\"0\":" + arrays + "}}",
            "[".repeat(depth)); // unterminated

    for (String json : hostile) {
      assertThat(refusedWithinBound(json).code()).isEqualTo(StatusCode.BAD_REQUEST);
    }
  }

  @Test
  void ignoresModeratelyNestedUnknownFields() {
    String nested = "[".repeat(900) + "]".repeat(900);

    assertThat(codec.decode("{\"type\":\"ping\",\"x\":" + nested + "}", ClientMessage.class))
        .isEqualTo(new ClientMessage.Ping(null));
  }

  @Test
  void handlesHugeStringsNumbersAndObjectsInBoundedTime() {
    String mebibyte = "v=0\r\n" + "a".repeat(1 << 20);
    long start = System.nanoTime();

    ClientMessage.Offer offer = new ClientMessage.Offer("1", mebibyte, Map.of());
    assertThat(codec.decode(codec.encode(offer), ClientMessage.class)).isEqualTo(offer);
    assertThat(refusedWithinBound("{\"type\":\"" + "t".repeat(1 << 20) + "\"}").code())
        .isEqualTo(StatusCode.UNKNOWN_MESSAGE_TYPE);
    assertThat(
            refusedWithinBound(
                    "{\"type\":\"join\",\"protocolVersion\":" + "9".repeat(100_000) + "}")
                .code())
        .isEqualTo(StatusCode.BAD_REQUEST);
    assertThat(refusedWithinBound("{\"type\":\"join\",\"protocolVersion\":1e999999999}").code())
        .isEqualTo(StatusCode.BAD_REQUEST);
    StringBuilder wide = new StringBuilder("{\"type\":\"ping\"");
    for (int i = 0; i < 50_000; i++) {
      wide.append(",\"k").append(i).append("\":").append(i);
    }
    assertThat(codec.decode(wide.append('}').toString(), ClientMessage.class))
        .isEqualTo(new ClientMessage.Ping(null));
    StringBuilder bindings = new StringBuilder("{\"type\":\"offer\",\"videoBindings\":{");
    for (int i = 0; i < 20_000; i++) {
      bindings.append(i == 0 ? "" : ",").append("\"").append(i).append("\":\"s").append(i);
      bindings.append("\"");
    }
    assertThat(codec.decode(bindings.append("}}").toString(), ClientMessage.Offer.class))
        .satisfies(o -> assertThat(o.videoBindings()).hasSize(20_000));

    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5 * BOUND_MILLIS);
  }

  @Test
  void decodeOfThousandsOfTextMutationsOnlyEverThrowsSignalDecodeException() {
    Random random = new Random(0x5EED);
    List<String> valid = SignalSamples.all().stream().map(codec::encode).toList();
    Map<StatusCode, Integer> refusals = new EnumMap<>(StatusCode.class);
    int accepted = 0;

    for (int i = 0; i < 4_000; i++) {
      String json = mutateText(valid.get(random.nextInt(valid.size())), random);
      for (Class<? extends SignalMessage> expected :
          List.of(SignalMessage.class, ClientMessage.class)) {
        Object result = outcome(json, expected);
        if (result instanceof SignalDecodeException e) {
          assertThat(e.getMessage()).isNotBlank();
          refusals.merge(e.code(), 1, Integer::sum);
        } else {
          assertThat(codec.encode((SignalMessage) result)).isNotEmpty();
          accepted++;
        }
      }
    }

    assertThat(refusals.keySet())
        .containsOnly(StatusCode.BAD_REQUEST, StatusCode.UNKNOWN_MESSAGE_TYPE);
    assertThat(refusals.values()).allMatch(n -> n > 100);
    assertThat(accepted).as("mutations that still decode").isGreaterThan(100);
  }

  @Test
  void decodeOfThousandsOfStructuralMutationsOnlyEverThrowsSignalDecodeException()
      throws Exception {
    Random random = new Random(0xC0DEC);
    List<JsonNode> valid = new ArrayList<>();
    for (SignalMessage message : SignalSamples.all()) {
      valid.add(JSON.readTree(codec.encode(message)));
    }
    int refused = 0;
    int accepted = 0;

    for (int i = 0; i < 4_000; i++) {
      JsonNode tree = valid.get(random.nextInt(valid.size())).deepCopy();
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        mutateTree(tree, random);
      }
      String json = JSON.writeValueAsString(tree);
      Object result = outcome(json, ClientMessage.class);
      if (result instanceof SignalDecodeException) {
        refused++;
      } else {
        accepted++;
        assertThat(codec.decode(codec.encode((SignalMessage) result), ClientMessage.class))
            .isEqualTo(result);
      }
    }

    assertThat(refused).isGreaterThan(500);
    assertThat(accepted).isGreaterThan(100);
  }

  private static String mutateText(String json, Random random) {
    StringBuilder text = new StringBuilder(json);
    int edits = 1 + random.nextInt(4);
    String alphabet = "{}[]\":,\\ 0123456789-.eE+tfnulxyz\u0000\u00e9\ud83d";
    for (int e = 0; e < edits && text.length() > 0; e++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(6)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        case 2 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        case 3 -> text.setLength(at);
        case 4 -> {
          int end = Math.min(text.length(), at + 1 + random.nextInt(20));
          text.insert(at, text.substring(at, end));
        }
        default -> {
          int end = Math.min(text.length(), at + 1 + random.nextInt(20));
          text.delete(at, end);
        }
      }
    }
    return text.toString();
  }

  private static void mutateTree(JsonNode root, Random random) {
    List<ObjectNode> objects = new ArrayList<>();
    collectObjects(root, objects);
    ObjectNode target = objects.get(random.nextInt(objects.size()));
    List<String> names = new ArrayList<>();
    target.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty() || random.nextInt(8) == 0) {
      target.set("extra" + random.nextInt(3), randomValue(random, 2));
      return;
    }
    String name = names.get(random.nextInt(names.size()));
    switch (random.nextInt(4)) {
      case 0 -> target.remove(name);
      case 1 -> target.set(name, randomValue(random, 2));
      case 2 -> target.set(name, NODES.nullNode());
      default -> {
        if (name.equals("type")) {
          String[] types = {"join", "offer", "set-mute", "send-data", "ping", "leave", "joined"};
          target.put("type", types[random.nextInt(types.length)]);
        } else {
          target.set(name, randomValue(random, 0));
        }
      }
    }
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> into) {
    if (node instanceof ObjectNode object) {
      into.add(object);
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      collectObjects(it.next(), into);
    }
  }

  private static JsonNode randomValue(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 10 : 8);
    return switch (kind) {
      case 0 -> NODES.booleanNode(random.nextBoolean());
      case 1 -> NODES.numberNode(random.nextInt());
      case 2 -> NODES.numberNode(random.nextLong());
      case 3 -> NODES.numberNode(random.nextDouble() * 1e6);
      case 4 -> NODES.textNode("s" + random.nextInt(100));
      case 5 -> NODES.textNode(String.valueOf(random.nextInt(3)));
      case 6 -> NODES.textNode(random.nextBoolean() ? "JOINED" : "THROTTLED");
      case 7 -> NODES.nullNode();
      case 8 -> {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          array.add(randomValue(random, depth - 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          object.set("k" + random.nextInt(4), randomValue(random, depth - 1));
        }
        yield object;
      }
    };
  }
}
