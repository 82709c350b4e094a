package dev.podium.app.captions;

import dev.podium.app.client.TranscriptEvent;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Live captions: final lines scroll (the newest last, {@link #MAX_LINES} kept); a speaker's partial
 * result is one line updated in place until its final result replaces it.
 */
public final class CaptionsViewModel {

  /** Lines kept (the bar shows the last few). */
  public static final int MAX_LINES = 50;

  private final Function<String, String> names;
  private final ObservableList<CaptionLine> lines = FXCollections.observableArrayList();
  private final BooleanProperty enabled = new SimpleBooleanProperty(true);

  /**
   * @param names display name for an AttendeeId
   */
  public CaptionsViewModel(Function<String, String> names) {
    this.names = names;
  }

  /** A transcription event arrived (call on the UI thread). */
  public void onTranscript(TranscriptEvent event) {
    if (event.text() == null || event.text().isBlank() && event.partial()) {
      return;
    }
    CaptionLine line =
        new CaptionLine(
            event.attendeeId(),
            names.apply(event.attendeeId()),
            event.text().strip(),
            event.partial(),
            event.startTimeMs());
    int open = openPartialOf(event.attendeeId());
    if (open >= 0) {
      if (line.text().isEmpty()) {
        lines.remove(open);
      } else {
        lines.set(open, line);
      }
    } else if (!line.text().isEmpty()) {
      lines.add(line);
    }
    while (lines.size() > MAX_LINES) {
      lines.remove(0);
    }
  }

  private int openPartialOf(String attendeeId) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      CaptionLine l = lines.get(i);
      if (l.partial() && l.attendeeId().equals(attendeeId)) {
        return i;
      }
    }
    return -1;
  }

  /** Caption lines, oldest first; partial lines are replaced in place. */
  public ObservableList<CaptionLine> lines() {
    return lines;
  }

  /** Whether the captions bar is shown. */
  public BooleanProperty enabledProperty() {
    return enabled;
  }
}
