package dev.podium.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalCodecRejectionTest {
  private final SignalCodec codec = new SignalCodec();

  private SignalDecodeException refusal(String json, Class<? extends SignalMessage> expected) {
    SignalDecodeException e =
        catchThrowableOfType(SignalDecodeException.class, () -> codec.decode(json, expected));
    assertThat(e).as("decoding %s as %s", json, expected.getSimpleName()).isNotNull();
    return e;
  }

  private SignalDecodeException refusal(String json) {
    return refusal(json, ClientMessage.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"type\":", "{\"type\":\"ping\"", "nul", "{'type':'ping'}", "}"})
  void refusesTextThatIsNotJson(String text) {
    SignalDecodeException e = refusal(text);

    assertThat(e.code()).isEqualTo(StatusCode.BAD_REQUEST);
    assertThat(e.getMessage()).isEqualTo("not valid JSON");
    assertThat(e.requestId()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "null",
        "[]",
        "[{\"type\":\"ping\"}]",
        "1",
        "-2.5e3",
        "\"ping\"",
        "true"
      })
  void refusesJsonThatIsNotAnObject(String text) {
    SignalDecodeException e = refusal(text);

    assertThat(e.code()).isEqualTo(StatusCode.BAD_REQUEST);
    assertThat(e.getMessage()).isEqualTo("a message is a JSON object");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"requestId\":\"r7\"}",
        "{\"requestId\":\"r7\",\"type\":1}",
        "{\"requestId\":\"r7\",\"type\":null}",
        "{\"requestId\":\"r7\",\"type\":true}",
        "{\"requestId\":\"r7\",\"type\":[\"ping\"]}",
        "{\"requestId\":\"r7\",\"type\":{\"name\":\"ping\"}}",
        "{\"requestId\":\"r7\",\"Type\":\"ping\"}"
      })
  void refusesAMissingOrNonStringTypeAndEchoesTheRequestId(String json) {
    SignalDecodeException e = refusal(json);

    assertThat(e.code()).isEqualTo(StatusCode.BAD_REQUEST);
    assertThat(e.getMessage()).isEqualTo("missing string field 'type'");
    assertThat(e.requestId()).isEqualTo("r7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nope", "PING", "Ping", "set_mute", "setMute", "", " ping", "ping "})
  void refusesAnUnknownTypeNamingIt(String type) {
    SignalDecodeException e = refusal("{\"type\":\"" + type + "\",\"requestId\":\"r8\"}");

    assertThat(e.code()).isEqualTo(StatusCode.UNKNOWN_MESSAGE_TYPE);
    assertThat(e.getMessage()).isEqualTo("unknown type '" + type + "'");
    assertThat(e.requestId()).isEqualTo("r8");
  }

  static List<ServerMessage> serverMessages() {
    return SignalSamples.serverMessages();
  }

  @ParameterizedTest
  @MethodSource("serverMessages")
  void refusesAServerMessageWhereAClientMessageIsExpected(ServerMessage message) {
    String json = codec.encode(message);
    String type = json.substring("{\"type\":\"".length(), json.indexOf('"', 9));

    SignalDecodeException e = refusal(json, ClientMessage.class);

    assertThat(e.code()).isEqualTo(StatusCode.UNKNOWN_MESSAGE_TYPE);
    assertThat(e.getMessage()).isEqualTo("type '" + type + "' is not accepted here");
  }

  @Test
  void refusesAClientMessageWhereAServerMessageIsExpectedAndEchoesItsRequestId() {
    for (ClientMessage message : SignalSamples.clientMessages()) {
      SignalDecodeException e = refusal(codec.encode(message), ServerMessage.class);

      assertThat(e.code()).isEqualTo(StatusCode.UNKNOWN_MESSAGE_TYPE);
      assertThat(e.getMessage()).endsWith("' is not accepted here");
      assertThat(e.requestId()).isEqualTo(message.requestId());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "set-mute | \"muted\":\"yes\"",
        "set-mute | \"muted\":{}",
        "set-mute | \"muted\":null",
        "set-mute | \"muted\":[true]",
        "join | \"protocolVersion\":\"x\",\"joinToken\":\"t\"",
        "join | \"protocolVersion\":4294967296,\"joinToken\":\"t\"",
        "join | \"protocolVersion\":1,\"clientInfo\":{\"os\":{\"name\":\"Linux\"}}",
        "join | \"protocolVersion\":1,\"clientInfo\":[\"Linux\"]",
        "join | \"protocolVersion\":1,\"joinToken\":{\"value\":\"t\"}",
        "offer | \"sdp\":\"v=0\",\"videoBindings\":[1]",
        "offer | \"sdp\":\"v=0\",\"videoBindings\":\"1=a\"",
        "offer | \"sdp\":[\"v=0\"]",
        "send-data | \"topic\":\"chat\",\"data\":\"aGk=\",\"lifetimeMs\":\"abc\"",
        "send-data | \"topic\":\"chat\",\"data\":\"aGk=\",\"lifetimeMs\":{}",
        "send-data | \"topic\":[\"chat\"],\"data\":\"aGk=\"",
      })
  void refusesWrongFieldTypesNamingTheMessageTypeAndEchoingTheRequestId(
      String type, String fields) {
    SignalDecodeException e =
        refusal("{\"type\":\"" + type + "\",\"requestId\":\"r9\"," + fields + "}");

    assertThat(e.code()).isEqualTo(StatusCode.BAD_REQUEST);
    assertThat(e.getMessage()).startsWith("invalid '" + type + "' message: ");
    assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("\n");
    assertThat(e.requestId()).isEqualTo("r9");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "presence | \"attendeeId\":\"a\",\"state\":\"joined\"",
        "ended | \"code\":\"NOPE\",\"message\":\"m\"",
        "status | \"code\":\"ok\"",
        "joined | \"protocolVersion\":1,\"resumed\":false,\"canStartLocalVideo\":true,"
            + "\"meeting\":\"m\"",
        "joined | \"protocolVersion\":1,\"resumed\":false,\"canStartLocalVideo\":true,"
            + "\"attendees\":{}",
        "volumes | \"updates\":[{\"attendeeId\":\"a\",\"volume\":\"loud\"}]",
        "data | \"topic\":\"t\",\"timestampMs\":\"yesterday\"",
        "video-availability | \"canStartLocalVideo\":null",
        "mute-state | \"attendeeId\":\"a\"",
      })
  void refusesMalformedServerMessagesOnTheClientSide(String type, String fields) {
    SignalDecodeException e =
        refusal("{\"type\":\"" + type + "\"," + fields + "}", ServerMessage.class);

    assertThat(e.code()).isEqualTo(StatusCode.BAD_REQUEST);
    assertThat(e.getMessage()).startsWith("invalid '" + type + "' message: ");
  }

  @Test
  void echoesOnlyAStringRequestId() {
    assertThat(refusal("{\"type\":\"set-mute\",\"requestId\":5,\"muted\":\"yes\"}").requestId())
        .isNull();
    assertThat(refusal("{\"type\":\"set-mute\",\"requestId\":\"\",\"muted\":\"yes\"}").requestId())
        .isEmpty();
    assertThat(refusal("{\"type\":\"nope\"}").requestId()).isNull();
  }

  @Test
  void ignoresUnknownFieldsAtEveryLevel() {
    String join =
        "{\"type\":\"join\",\"requestId\":\"1\",\"protocolVersion\":1,\"joinToken\":\"t\","
            + "\"future\":{\"nested\":[1,{\"x\":null}]},\"flag\":true}";
    String joined =
        "{\"type\":\"joined\",\"protocolVersion\":1,\"resumed\":false,"
            + "\"canStartLocalVideo\":true,\"since\":42,"
            + "\"meeting\":{\"meetingId\":\"m\",\"region\":\"local\"},"
            + "\"self\":{\"attendeeId\":\"a\",\"muted\":false,\"avatar\":\"x.png\"},"
            + "\"attendees\":[],\"sources\":[{\"sourceId\":\"s\",\"kind\":\"video\",\"fps\":30}]}";

    assertThat(codec.decode(join, ClientMessage.class))
        .isEqualTo(new ClientMessage.Join("1", 1, "t", null, null));
    ServerMessage.Joined decoded = codec.decode(joined, ServerMessage.Joined.class);
    assertThat(decoded.meeting()).isEqualTo(new ServerMessage.MeetingInfo("m", null, null));
    assertThat(decoded.self()).isEqualTo(new ServerMessage.AttendeeInfo("a", null, null, false));
    assertThat(decoded.sources())
        .containsExactly(new ServerMessage.SourceInfo("s", null, null, "video"));
  }

  @Test
  void leavesRequiredStringFieldsToTheReceiver() {
    // The codec checks shapes, not presence of reference fields: the server must refuse an
    // offer without sdp or a join without joinToken itself (BAD_REQUEST).
    assertThat(codec.decode("{\"type\":\"offer\"}", ClientMessage.class))
        .isEqualTo(new ClientMessage.Offer(null, null, null));
    assertThat(codec.decode("{\"type\":\"join\",\"protocolVersion\":1}", ClientMessage.class))
        .isEqualTo(new ClientMessage.Join(null, 1, null, null, null));
  }

  @Test
  void refusesAMissingPrimitiveField() {
    SignalDecodeException e = refusal("{\"type\":\"set-mute\",\"requestId\":\"r\"}");

    assertThat(e.code()).isEqualTo(StatusCode.BAD_REQUEST);
    assertThat(e.getMessage()).startsWith("invalid 'set-mute' message: ");
  }
}
