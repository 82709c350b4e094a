package dev.podium.server.protocol;

import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.MeetingInfo;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import dev.podium.server.protocol.ServerMessage.SourceInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One realistic, fully populated instance of every signaling message; shared by the codec tests and
 * the check that keeps the examples in docs/signaling.md exact.
 */
final class SignalSamples {
  static final String MEETING_ID = "9bdcee3b-ccba-4f98-b457-00490761a603";
  static final String ALICE = "1f0e9d5c-3b2a-4c8d-9e7f-6a5b4c3d2e1f";
  static final String BOB = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
  static final String REPLICA_ID = "3c1f6a2e-7d4b-4e8a-9f0c-2b5d8e1a4c7f";

  /** Carol watches in the replica; CAROL_STAGE is the primary attendee she is promoted as. */
  static final String CAROL = "7e6d5c4b-3a29-4f18-8e07-d6c5b4a39281";

  static final String CAROL_STAGE = "c2b1a098-7f6e-4d5c-8b4a-3928170f6e5d";
  static final String DAVE = "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a";
  static final String ALICE_CAMERA = "src-2e41b7";
  static final String BOB_CAMERA = "src-9c07d3";
  static final String BOB_CONTENT = "src-c4a810";
  static final String OFFER_SDP =
      "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
          + "a=group:BUNDLE 0 1 2 3\r\n...";
  static final String ANSWER_SDP =
      "v=0\r\no=podium 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-lite\r\n"
          + "a=group:BUNDLE 0 1 2\r\n...";

  private SignalSamples() {}

  static final SourceInfo BOB_SOURCE = new SourceInfo(BOB_CAMERA, BOB, "bob@example.com", "video");
  static final AttendeeInfo ALICE_INFO =
      new AttendeeInfo(ALICE, "alice@example.com", "presenter", false);
  static final AttendeeInfo BOB_INFO = new AttendeeInfo(BOB, "bob@example.com", "host", true);

  /** Every client message, in the order the docs present them. */
  static List<ClientMessage> clientMessages() {
    Map<String, String> clientInfo = new LinkedHashMap<>();
    clientInfo.put("sdk", "podium-java/0.1.0");
    clientInfo.put("os", "Linux");
    return List.of(
        new ClientMessage.Join("1", SignalMessage.PROTOCOL_VERSION, "tAk3n...", null, clientInfo),
        new ClientMessage.Offer("2", OFFER_SDP, Map.of("1", BOB_CAMERA), List.of("3")),
        new ClientMessage.SetMute("3", true),
        new ClientMessage.SendData("4", "chat", "aGVsbG8gZXZlcnlvbmU=", 60_000L),
        new ClientMessage.Ping("5"),
        new ClientMessage.Leave("6"),
        new ClientMessage.Promote("7", "st4g3..."),
        new ClientMessage.Demote("8"),
        new ClientMessage.RaiseHand("9", true),
        new ClientMessage.HostAction("10", "bring-to-stage", CAROL),
        new ClientMessage.VideoPreferences(
            "11",
            List.of(
                new ClientMessage.VideoPreference(BOB_CAMERA, 1, 640, 360, false),
                new ClientMessage.VideoPreference(ALICE_CAMERA, 2, 320, 180, false))));
  }

  /** Every server message, in the order the docs present them. */
  static List<ServerMessage> serverMessages() {
    return List.of(
        new ServerMessage.Joined(
            "1",
            SignalMessage.PROTOCOL_VERSION,
            new MeetingInfo(MEETING_ID, "weekly-sync", null),
            ALICE_INFO,
            "r3sum3...",
            false,
            true,
            List.of(BOB_INFO),
            List.of(BOB_SOURCE)),
        new ServerMessage.Answer("2", ANSWER_SDP),
        new ServerMessage.Sources(
            List.of(
                BOB_SOURCE,
                new SourceInfo(BOB_CONTENT, BOB + "#content", "bob@example.com", "content"),
                new SourceInfo(ALICE_CAMERA, ALICE, "alice@example.com", "video"))),
        new ServerMessage.Presence(BOB, "bob@example.com", PresenceState.DROPPED),
        new ServerMessage.MuteState(BOB, false),
        new ServerMessage.Volumes(
            List.of(
                new ServerMessage.Volume(BOB, 0.75, 1.0, false),
                new ServerMessage.Volume(ALICE, 0.0, 0.5, true)),
            List.of(BOB)),
        new ServerMessage.Data(
            "chat", "aGVsbG8gZXZlcnlvbmU=", BOB, "bob@example.com", 1_733_000_000_000L),
        new ServerMessage.VideoAvailability(false),
        new ServerMessage.VideoPaused(List.of(ALICE_CAMERA)),
        new ServerMessage.Status(
            "4",
            StatusCode.THROTTLED,
            "more than 50 data messages per second; this one was not sent"),
        new ServerMessage.Ended(StatusCode.ATTENDEE_REMOVED, "the attendee was removed"),
        new ServerMessage.Pong("5"),
        new ServerMessage.Promoted(
            "7", new AttendeeInfo(CAROL_STAGE, "carol@example.com", "presenter", false)),
        new ServerMessage.Demoted(StatusCode.DEMOTED_BY_CLIENT, "you left the stage"),
        new ServerMessage.HandQueue(
            List.of(
                new ServerMessage.Hand(CAROL, "carol@example.com", REPLICA_ID, 1_733_000_000_000L),
                new ServerMessage.Hand(DAVE, "dave@example.com", REPLICA_ID, 1_733_000_004_250L))),
        new ServerMessage.StageInvitation(MEETING_ID, CAROL_STAGE, "st4g3..."),
        new ServerMessage.Audience(2, 137),
        new ServerMessage.Transcript(
            List.of(
                new ServerMessage.TranscriptResultInfo(
                    "r-17",
                    "ch_0",
                    false,
                    1_200,
                    2_350,
                    List.of(
                        new ServerMessage.TranscriptAlternativeInfo(
                            "Good morning.",
                            List.of(
                                new ServerMessage.TranscriptItemInfo(
                                    "pronunciation",
                                    "Good",
                                    1_200,
                                    1_520,
                                    new ServerMessage.TranscriptSpeaker(ALICE, "alice@example.com"),
                                    0.97),
                                new ServerMessage.TranscriptItemInfo(
                                    "pronunciation",
                                    "morning",
                                    1_520,
                                    2_350,
                                    new ServerMessage.TranscriptSpeaker(ALICE, "alice@example.com"),
                                    0.91),
                                new ServerMessage.TranscriptItemInfo(
                                    "punctuation",
                                    ".",
                                    2_350,
                                    2_350,
                                    new ServerMessage.TranscriptSpeaker(ALICE, "alice@example.com"),
                                    null))))))),
        new ServerMessage.TranscriptionStatus("started", 1_733_000_000_000L, "en-US", null));
  }

  static List<SignalMessage> all() {
    List<SignalMessage> all = new ArrayList<>(clientMessages());
    all.addAll(serverMessages());
    return all;
  }

  /** The record classes the sealed hierarchy permits (both sides). */
  static List<Class<?>> permittedRecords() {
    List<Class<?>> records = new ArrayList<>();
    for (Class<?> side : SignalMessage.class.getPermittedSubclasses()) {
      records.addAll(Arrays.asList(side.getPermittedSubclasses()));
    }
    return records;
  }
}
