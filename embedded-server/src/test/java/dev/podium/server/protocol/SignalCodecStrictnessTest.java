package dev.podium.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the codec should refuse but, as of the commit that added these tests, accepts or reports
 * imprecisely. Each test is disabled with the reason; enable it with the codec fix proposed in the
 * h-proto report.
 */
class SignalCodecStrictnessTest {
  private final SignalCodec codec = new SignalCodec();

  private SignalDecodeException refusal(String json, Class<? extends SignalMessage> expected) {
    SignalDecodeException e =
        catchThrowableOfType(SignalDecodeException.class, () -> codec.decode(json, expected));
    assertThat(e).as("decoding %s", json).isNotNull();
    return e;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"joined\",\"requestId\":\"r1\"}",
        "{\"type\":\"mute-state\",\"requestId\":\"r1\"}",
        "{\"type\":\"video-availability\",\"requestId\":\"r1\",\"canStartLocalVideo\":\"x\"}"
      })
  void refusesAnIncompleteServerMessageFromAClientAsNotAcceptedHere(String json) {
    SignalDecodeException e = refusal(json, ClientMessage.class);

    assertThat(e.code()).isEqualTo(StatusCode.UNKNOWN_MESSAGE_TYPE);
    assertThat(e.getMessage()).endsWith("is not accepted here");
    assertThat(e.requestId()).isEqualTo("r1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"set-mute\",\"muted\":\"true\"}",
        "{\"type\":\"set-mute\",\"muted\":1}",
        "{\"type\":\"join\",\"protocolVersion\":\"1\",\"joinToken\":\"t\"}",
        "{\"type\":\"join\",\"protocolVersion\":1.9,\"joinToken\":\"t\"}",
        "{\"type\":\"join\",\"protocolVersion\":1,\"joinToken\":12345}",
        "{\"type\":\"join\",\"protocolVersion\":1,\"clientInfo\":{\"build\":42}}",
        "{\"type\":\"offer\",\"requestId\":5,\"sdp\":\"v=0\"}",
        "{\"type\":\"offer\",\"sdp\":true}",
        "{\"type\":\"send-data\",\"topic\":\"t\",\"data\":\"aGk=\",\"lifetimeMs\":\"5\"}"
      })
  void refusesValuesOfAnotherJsonTypeInsteadOfCoercingThem(String json) {
    assertThat(refusal(json, ClientMessage.class).code()).isEqualTo(StatusCode.BAD_REQUEST);
  }

  @Test
  void refusesAnEnumGivenByOrdinal() {
    assertThat(refusal("{\"type\":\"ended\",\"code\":7}", ServerMessage.class).code())
        .isEqualTo(StatusCode.BAD_REQUEST);
    assertThat(
            refusal("{\"type\":\"presence\",\"attendeeId\":\"a\",\"state\":1}", ServerMessage.class)
                .code())
        .isEqualTo(StatusCode.BAD_REQUEST);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"ping\"} trailing",
        "{\"type\":\"ping\"}{\"type\":\"leave\"}",
        "{\"type\":\"ping\",\"type\":\"leave\"}",
        "{\"type\":\"set-mute\",\"muted\":true,\"muted\":false}"
      })
  void refusesTrailingDataAndDuplicateKeys(String json) {
    assertThat(refusal(json, ClientMessage.class).code()).isEqualTo(StatusCode.BAD_REQUEST);
  }

  @Test
  void namesTheOffendingFieldWithoutJacksonConfigurationHints() {
    SignalDecodeException wrongType =
        refusal("{\"type\":\"set-mute\",\"muted\":\"yes\"}", ClientMessage.class);
    SignalDecodeException missing = refusal("{\"type\":\"set-mute\"}", ClientMessage.class);

    assertThat(wrongType.getMessage()).contains("muted");
    assertThat(missing.getMessage()).contains("muted").doesNotContain("DeserializationFeature");
  }

  @Test
  void theReplyToAMaximalFrameWithAnUnknownTypeFitsInAFrame() {
    String frame =
        "{\"type\":\""
            + "x".repeat(SignalCodec.MAX_MESSAGE_BYTES - "{\"type\":\"\"}".length())
            + "\"}";
    assertThat(frame).hasSize(SignalCodec.MAX_MESSAGE_BYTES);

    SignalDecodeException e = refusal(frame, ClientMessage.class);
    String reply = codec.encode(new ServerMessage.Status(e.requestId(), e.code(), e.getMessage()));

    assertThat(reply.length()).isLessThanOrEqualTo(SignalCodec.MAX_MESSAGE_BYTES);
  }
}
