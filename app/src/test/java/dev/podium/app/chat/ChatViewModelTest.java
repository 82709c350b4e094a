package dev.podium.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.server.protocol.StatusCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ChatViewModelTest {
  private final List<String> sent = new ArrayList<>();
  private MeetingSessionStatus answer = MeetingSessionStatus.ok();
  private final ChatViewModel chat =
      new ChatViewModel(
          text -> {
            sent.add(text);
            return CompletableFuture.completedFuture(answer);
          },
          Runnable::run);

  @Test
  void counterShowsUtf8BytesAgainstTheTwoKilobyteLimit() {
    chat.draftProperty().set("héllo");
    assertThat(chat.counterTextProperty().get()).isEqualTo("6 / 2048");
    assertThat(chat.canSendProperty().get()).isTrue();
    chat.draftProperty().set("é".repeat(1025));
    assertThat(chat.bytesProperty().get()).isEqualTo(2050);
    assertThat(chat.overLimitProperty().get()).isTrue();
    assertThat(chat.canSendProperty().get()).isFalse();
    chat.send();
    assertThat(sent).isEmpty();
  }

  @Test
  void sentMessageAppearsAsYoursAndClearsTheDraft() {
    chat.draftProperty().set("  hi all  ");
    chat.send();
    assertThat(sent).containsExactly("hi all");
    assertThat(chat.draftProperty().get()).isEmpty();
    assertThat(chat.lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.sender()).isEqualTo("You");
              assertThat(l.mine()).isTrue();
            });
  }

  @Test
  void refusedMessageKeepsTheDraftAndExplainsPlainly() {
    answer = MeetingSessionStatus.of(StatusCode.NOT_PERMITTED, "viewer");
    chat.draftProperty().set("can I speak?");
    chat.send();
    assertThat(chat.draftProperty().get()).isEqualTo("can I speak?");
    assertThat(chat.lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.notice()).isTrue();
              assertThat(l.text())
                  .contains("only people on the stage")
                  .doesNotContain("NOT_PERMITTED");
            });
  }

  @Test
  void spectatorsCannotSend() {
    chat.sendAllowedProperty().set(false);
    chat.draftProperty().set("hello");
    assertThat(chat.canSendProperty().get()).isFalse();
  }
}
