package dev.podium.app.chat;

import dev.podium.app.client.DataMessage;
import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.meeting.StatusTexts;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chat panel: messages on the "chat" topic, a draft with a byte counter against the 2 KB data
 * message limit, and read-only mode for replica viewers (the server refuses their messages with
 * NOT_PERMITTED until they are promoted).
 */
public final class ChatViewModel {

  /** The data message payload limit (UTF-8 bytes). */
  public static final int MAX_BYTES = 2048;

  /** Lines kept in the panel. */
  static final int MAX_LINES = 500;

  private final Function<String, CompletableFuture<MeetingSessionStatus>> sender;
  private final Executor ui;
  private final ObservableList<ChatLine> lines = FXCollections.observableArrayList();
  private final StringProperty draft = new SimpleStringProperty("");
  private final BooleanProperty sendAllowed = new SimpleBooleanProperty(true);
  private final IntegerBinding bytes;
  private final BooleanBinding canSend;
  private final StringBinding counterText;
  private final BooleanBinding overLimit;

  /**
   * @param sender sends one message, completing with the server's status
   * @param ui runs a task on the UI thread
   */
  public ChatViewModel(
      Function<String, CompletableFuture<MeetingSessionStatus>> sender, Executor ui) {
    this.sender = sender;
    this.ui = ui;
    bytes =
        Bindings.createIntegerBinding(
            () -> draft.get() == null ? 0 : draft.get().getBytes(StandardCharsets.UTF_8).length,
            draft);
    overLimit = bytes.greaterThan(MAX_BYTES);
    canSend =
        Bindings.createBooleanBinding(
            () ->
                sendAllowed.get()
                    && draft.get() != null
                    && !draft.get().isBlank()
                    && bytes.get() <= MAX_BYTES,
            draft,
            sendAllowed,
            bytes);
    counterText = Bindings.createStringBinding(() -> bytes.get() + " / " + MAX_BYTES, bytes);
  }

  /** A message arrived (from anyone, including this attendee's own echo if the server sends it). */
  public void onMessage(DataMessage message, boolean mine) {
    add(
        new ChatLine(
            mine ? "You" : message.senderExternalUserId(),
            message.text(),
            message.timestampMs(),
            mine,
            false));
  }

  /** Sends the draft; on success it shows as "You", on failure a plain notice explains why. */
  public void send() {
    if (!canSend.get()) {
      return;
    }
    String text = draft.get().strip();
    draft.set("");
    sender
        .apply(text)
        .whenComplete(
            (status, error) ->
                ui.execute(
                    () -> {
                      if (error == null && status.isOk()) {
                        add(new ChatLine("You", text, System.currentTimeMillis(), true, false));
                      } else {
                        MeetingSessionStatus s =
                            status != null
                                ? status
                                : MeetingSessionStatus.failed(
                                    dev.podium.app.client.ClientFailure.NOT_CONNECTED,
                                    String.valueOf(error));
                        notice(StatusTexts.requestFailed("Sending the message", s));
                        draft.set(text);
                      }
                    }));
  }

  /** Shows a line from the app itself. */
  public void notice(String text) {
    add(new ChatLine("", text, System.currentTimeMillis(), false, true));
  }

  private void add(ChatLine line) {
    lines.add(line);
    if (lines.size() > MAX_LINES) {
      lines.remove(0, lines.size() - MAX_LINES);
    }
  }

  public ObservableList<ChatLine> lines() {
    return lines;
  }

  public StringProperty draftProperty() {
    return draft;
  }

  /** False for viewers in the audience: they read the chat but cannot write. */
  public BooleanProperty sendAllowedProperty() {
    return sendAllowed;
  }

  public IntegerBinding bytesProperty() {
    return bytes;
  }

  public BooleanBinding canSendProperty() {
    return canSend;
  }

  public BooleanBinding overLimitProperty() {
    return overLimit;
  }

  /** "used / 2048". */
  public StringBinding counterTextProperty() {
    return counterText;
  }
}
