package dev.podium.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SignalCodecRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SignalCodec codec = new SignalCodec();

  static Stream<SignalMessage> samples() {
    return SignalSamples.all().stream();
  }

  static Map<Class<?>, String> typeNames() {
    Map<Class<?>, String> names = new HashMap<>();
    for (JsonSubTypes.Type t : SignalMessage.class.getAnnotation(JsonSubTypes.class).value()) {
      names.put(t.value(), t.name());
    }
    return names;
  }

  @Test
  void everyPermittedRecordHasOneKebabCaseTypeNameAndASample() {
    List<Class<?>> records = SignalSamples.permittedRecords();
    JsonSubTypes.Type[] declared = SignalMessage.class.getAnnotation(JsonSubTypes.class).value();

    assertThat(records).hasSize(30).allMatch(Class::isRecord);
    assertThat(Arrays.stream(declared).map(JsonSubTypes.Type::value).toList())
        .containsExactlyInAnyOrderElementsOf(records);
    assertThat(Arrays.stream(declared).map(JsonSubTypes.Type::name))
        .doesNotHaveDuplicates()
        .allMatch(name -> name.matches("[a-z]+(-[a-z]+)*"));
    assertThat(SignalSamples.all().stream().map(Object::getClass).toList())
        .containsExactlyInAnyOrderElementsOf(records);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void roundTripsEveryMessageIncludingNestedRecordsAndEnums(SignalMessage message) {
    String json = codec.encode(message);

    assertThat(codec.decode(json, SignalMessage.class)).isEqualTo(message);
    Class<? extends SignalMessage> side =
        message instanceof ClientMessage ? ClientMessage.class : ServerMessage.class;
    assertThat(codec.decode(json, side)).isEqualTo(message);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void writesTheTypeNameFirstAndEveryRecordComponentByItsOwnName(SignalMessage message)
      throws Exception {
    JsonNode tree = JSON.readTree(codec.encode(message));

    assertThat(tree.fieldNames().next()).isEqualTo("type");
    assertThat(tree.get("type").asText()).isEqualTo(typeNames().get(message.getClass()));
    Set<String> expected = new LinkedHashSet<>();
    expected.add("type");
    expected.addAll(componentNames(message.getClass()));
    assertThat(iterable(tree)).containsExactlyElementsOf(expected);
  }

  @Test
  void roundTripsMessagesWhoseOptionalFieldsAreNull() {
    List<SignalMessage> sparse =
        List.of(
            new ClientMessage.Join(null, 1, "token", null, null),
            new ClientMessage.Offer(null, "v=0", null),
            new ClientMessage.SendData(null, "t", "", null),
            new ClientMessage.Ping(null),
            new ServerMessage.Joined(
                null,
                1,
                new ServerMessage.MeetingInfo("m", null, null),
                new ServerMessage.AttendeeInfo("a", "x", null, false),
                null,
                true,
                false,
                List.of(),
                List.of()),
            new ServerMessage.Status(null, StatusCode.OK, null),
            new ServerMessage.Volumes(List.of(), List.of()));

    for (SignalMessage message : sparse) {
      assertThat(codec.decode(codec.encode(message), SignalMessage.class)).isEqualTo(message);
    }
  }

  @Test
  void writesNestedRecordsAsObjectsAndEnumsByName() throws Exception {
    ServerMessage.Joined joined = (ServerMessage.Joined) SignalSamples.serverMessages().get(0);
    JsonNode tree = JSON.readTree(codec.encode(joined));

    assertThat(iterable(tree.get("meeting")))
        .containsExactly("meetingId", "externalMeetingId", "primaryMeetingId");
    assertThat(iterable(tree.get("self")))
        .containsExactly("attendeeId", "externalUserId", "role", "muted");
    assertThat(iterable(tree.get("sources").get(0)))
        .containsExactly("sourceId", "attendeeId", "externalUserId", "kind");
    assertThat(tree.get("attendees").get(0).get("muted").isBoolean()).isTrue();
    assertThat(codec.encode(new ServerMessage.Ended(StatusCode.MEETING_ENDED, "bye")))
        .isEqualTo("{\"type\":\"ended\",\"code\":\"MEETING_ENDED\",\"message\":\"bye\"}");
    assertThat(
            codec.encode(new ServerMessage.Presence("a", "x", ServerMessage.PresenceState.JOINED)))
        .isEqualTo(
            "{\"type\":\"presence\",\"attendeeId\":\"a\",\"externalUserId\":\"x\","
                + "\"state\":\"JOINED\"}");
  }

  @Test
  void writesAbsentOptionalFieldsAsNullAndTheLifetimeAsANumber() {
    assertThat(codec.encode(new ClientMessage.Ping(null)))
        .isEqualTo("{\"type\":\"ping\",\"requestId\":null}");
    assertThat(codec.encode(new ClientMessage.SendData("7", "chat", "aGk=", 300_000L)))
        .isEqualTo(
            "{\"type\":\"send-data\",\"requestId\":\"7\",\"topic\":\"chat\",\"data\":\"aGk=\","
                + "\"lifetimeMs\":300000}");
  }

  @Test
  void everyStatusCodeRoundTripsInAStatusAndAnEnded() {
    for (StatusCode code : StatusCode.values()) {
      SignalMessage status = new ServerMessage.Status("r", code, code.name());
      SignalMessage ended = new ServerMessage.Ended(code, code.name());
      assertThat(codec.decode(codec.encode(status), ServerMessage.class)).isEqualTo(status);
      assertThat(codec.decode(codec.encode(ended), ServerMessage.class)).isEqualTo(ended);
    }
  }

  @Test
  void keepsUnicodeControlCharactersAndSdpLineBreaksExactly() {
    String sdp = "v=0\r\ns=é中😀\u0000\u2028\"\\\r\n";
    ClientMessage.Offer offer = new ClientMessage.Offer("ü", sdp, Map.of("0", "ß#camera"));

    assertThat(codec.decode(codec.encode(offer), ClientMessage.class)).isEqualTo(offer);
  }

  private static List<String> componentNames(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .map(RecordComponent::getName)
        .collect(Collectors.toList());
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
