package dev.podium.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalCodec;
import org.junit.jupiter.api.Test;

/** The wire's transcript messages (docs/signaling.md samples) become the SDK's own types. */
class TranscriptMappingTest {
  private static final SignalCodec CODEC = new SignalCodec();

  @Test
  void mapsATranscriptWithItsSpeakerWordsAndPunctuation() {
    String json =
        """
        {"type":"transcript","results":[{"resultId":"r-17","channelId":"ch_0","isPartial":true,
         "startTimeMs":1200,"endTimeMs":2350,"alternatives":[{"transcript":"Good morning.",
         "items":[
          {"type":"pronunciation","content":"Good","startTimeMs":1200,"endTimeMs":1520,
           "attendee":{"attendeeId":"a-1","externalUserId":"alice@example.com"},"confidence":0.97},
          {"type":"punctuation","content":".","startTimeMs":2350,"endTimeMs":2350,
           "attendee":{"attendeeId":"a-1","externalUserId":"alice@example.com"},"confidence":null}
         ]}]}]}
        """;
    Transcript t = TranscriptMapping.transcript(CODEC.decode(json, ServerMessage.Transcript.class));

    assertThat(t.results()).hasSize(1);
    TranscriptResult r = t.results().get(0);
    assertThat(r.resultId()).isEqualTo("r-17");
    assertThat(r.isPartial()).isTrue();
    assertThat(r.text()).isEqualTo("Good morning.");
    assertThat(r.speakerAttendeeId()).isEqualTo("a-1");
    assertThat(r.speakerExternalUserId()).isEqualTo("alice@example.com");
    assertThat(r.alternatives().get(0).items())
        .extracting(TranscriptItem::type, TranscriptItem::content, TranscriptItem::confidence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TranscriptItemType.PRONUNCIATION, "Good", 0.97),
            org.assertj.core.groups.Tuple.tuple(TranscriptItemType.PUNCTUATION, ".", null));
  }

  @Test
  void aResultWithoutAlternativesHasNoTextAndNoSpeaker() {
    Transcript t =
        TranscriptMapping.transcript(
            CODEC.decode(
                "{\"type\":\"transcript\",\"results\":[{\"resultId\":\"r\",\"isPartial\":false,"
                    + "\"startTimeMs\":0,\"endTimeMs\":0,\"alternatives\":[]}]}",
                ServerMessage.Transcript.class));
    assertThat(t.results().get(0).text()).isEmpty();
    assertThat(t.results().get(0).speakerAttendeeId()).isNull();
  }

  @Test
  void mapsStatusesAndIgnoresUnknownOnes() {
    TranscriptionStatus failed =
        TranscriptMapping.status(
            new ServerMessage.TranscriptionStatus("failed", 17L, "en-US", "no model"));
    assertThat(failed)
        .isEqualTo(
            new TranscriptionStatus(TranscriptionStatusType.FAILED, 17L, "en-US", "no model"));
    assertThat(
            TranscriptMapping.status(
                new ServerMessage.TranscriptionStatus("interrupted", 1L, "en-US", null)))
        .isNull();
  }
}
