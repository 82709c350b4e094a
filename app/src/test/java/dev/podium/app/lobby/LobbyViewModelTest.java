package dev.podium.app.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.client.ClientFailure;
import dev.podium.app.client.MeetingSessionConfiguration;
import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.meeting.FakeMeetingGateway;
import dev.podium.app.meeting.JoinedMeeting;
import dev.podium.app.meeting.MeetingGateway;
import dev.podium.server.protocol.StatusCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LobbyViewModelTest {
  static final String LINK =
      "podium://join?url=wss%3A%2F%2F10.0.0.5%3A8443%2Fv1%2Fsignaling%2FM1&token=secret";

  @TempDir Path dir;
  final List<JoinedMeeting> joined = new ArrayList<>();
  final List<MeetingSessionConfiguration> configs = new ArrayList<>();
  FakeMeetingGateway next = new FakeMeetingGateway("a1", "Ana", "presenter");

  LobbyViewModel lobby() {
    MeetingLauncher launcher =
        new MeetingLauncher() {
          @Override
          public MeetingGateway gatewayFor(MeetingSessionConfiguration config) {
            configs.add(config);
            return next;
          }

          @Override
          public CompletableFuture<JoinedMeeting> hostWebinar(String hostName) {
            return CompletableFuture.failedFuture(new IllegalStateException("port 0 is taken"));
          }
        };
    return new LobbyViewModel(
        launcher, new RecentMeetings(dir.resolve("recent.json")), Runnable::run, joined::add);
  }

  @Test
  void aValidLinkJoinsAndIsRemembered() {
    LobbyViewModel lobby = lobby();
    lobby.linkProperty().set("  " + LINK + "\n");
    lobby.join();
    assertThat(configs)
        .singleElement()
        .satisfies(c -> assertThat(c.joinToken()).isEqualTo("secret"));
    assertThat(joined)
        .singleElement()
        .satisfies(j -> assertThat(j.title()).isEqualTo("Meeting on 10.0.0.5"));
    assertThat(lobby.recent()).extracting(RecentMeeting::link).containsExactly(LINK);
    assertThat(lobby.busyProperty().get()).isFalse();
    // A new start screen lists it too (the JSON file persists).
    assertThat(lobby().recent())
        .extracting(RecentMeeting::title)
        .containsExactly("Meeting on 10.0.0.5");
  }

  @Test
  void aMalformedLinkIsExplainedWithoutJoining() {
    LobbyViewModel lobby = lobby();
    lobby.linkProperty().set("https://example.com/not-a-meeting");
    lobby.join();
    assertThat(configs).isEmpty();
    assertThat(lobby.errorProperty().get()).startsWith("That is not a Podium join link");
  }

  @Test
  void aRefusedJoinShowsAPlainReasonAndClosesTheSession() {
    next.startResult(MeetingSessionStatus.of(StatusCode.AUTHENTICATION_REJECTED, "bad token"));
    LobbyViewModel lobby = lobby();
    lobby.linkProperty().set(LINK);
    lobby.join();
    assertThat(joined).isEmpty();
    assertThat(next.closed).isTrue();
    assertThat(lobby.errorProperty().get())
        .isEqualTo("This link is no longer valid. Ask the host for a new one.");
    next =
        new FakeMeetingGateway("a1", "Ana", "presenter")
            .startResult(
                MeetingSessionStatus.failed(ClientFailure.SIGNALING_UNREACHABLE, "refused"));
    lobby.join();
    assertThat(lobby.errorProperty().get()).startsWith("Could not reach the meeting server");
  }

  @Test
  void hostingFailureIsShownWithItsCause() {
    LobbyViewModel lobby = lobby();
    lobby.hostWebinar();
    assertThat(lobby.errorProperty().get())
        .isEqualTo("Could not start the webinar: port 0 is taken");
    assertThat(lobby.busyProperty().get()).isFalse();
  }
}
