package dev.podium.app.captions;

import dev.podium.app.client.Transcript;
import dev.podium.app.client.TranscriptResult;
import dev.podium.app.client.TranscriptionStatus;
import dev.podium.app.client.TranscriptionStatusType;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Live captions: each caption result is one line; its partial results replace it in place (same
 * result id) until its final result, and new captions scroll in at the end ({@link #MAX_LINES}
 * kept). Also whether captions run, from the meeting's transcription status.
 */
public final class CaptionsViewModel {

  /** Lines kept (the bar shows the last few). */
  public static final int MAX_LINES = 50;

  private final Function<String, String> names;
  private final ObservableList<CaptionLine> lines = FXCollections.observableArrayList();
  private final BooleanProperty enabled = new SimpleBooleanProperty(true);
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final StringProperty status = new SimpleStringProperty("");

  /**
   * @param names display name for an AttendeeId, or null when unknown (the caption's ExternalUserId
   *     is shown then)
   */
  public CaptionsViewModel(Function<String, String> names) {
    this.names = names;
  }

  /** Transcript results arrived (call on the UI thread). */
  public void onTranscript(Transcript transcript) {
    for (TranscriptResult result : transcript.results()) {
      onResult(result);
    }
    while (lines.size() > MAX_LINES) {
      lines.remove(0);
    }
  }

  private void onResult(TranscriptResult result) {
    String text = result.text().strip();
    String attendeeId = result.speakerAttendeeId();
    CaptionLine line =
        new CaptionLine(
            result.resultId(),
            attendeeId,
            speakerName(attendeeId, result.speakerExternalUserId()),
            text,
            result.isPartial(),
            result.startTimeMs());
    int open = indexOf(result.resultId());
    if (open >= 0) {
      if (text.isEmpty()) {
        lines.remove(open);
      } else {
        lines.set(open, line);
      }
    } else if (!text.isEmpty()) {
      lines.add(line);
    }
  }

  private String speakerName(String attendeeId, String externalUserId) {
    String name = attendeeId == null ? null : names.apply(attendeeId);
    if (name != null) {
      return name;
    }
    return externalUserId != null ? externalUserId : "Someone";
  }

  private int indexOf(String resultId) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (Objects.equals(lines.get(i).resultId(), resultId)) {
        return i;
      }
    }
    return -1;
  }

  /** Captions started, stopped or failed (call on the UI thread). */
  public void onStatus(TranscriptionStatus s) {
    running.set(s.type() == TranscriptionStatusType.STARTED);
    status.set(
        switch (s.type()) {
          case STARTED -> "Captions are on";
          case STOPPED -> "Captions are off";
          case FAILED ->
              "Captions failed" + (s.message() == null ? "" : ": " + s.message().strip());
        });
  }

  /** Caption lines, oldest first; partial lines are replaced in place. */
  public ObservableList<CaptionLine> lines() {
    return lines;
  }

  /** Whether the captions bar is shown (this viewer's choice). */
  public BooleanProperty enabledProperty() {
    return enabled;
  }

  /** Whether the meeting's captions run (last transcription status was "started"). */
  public ReadOnlyBooleanProperty runningProperty() {
    return running;
  }

  /** The last transcription status in words; empty before any. */
  public ReadOnlyStringProperty statusProperty() {
    return status;
  }
}
