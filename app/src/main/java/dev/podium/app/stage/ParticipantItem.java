package dev.podium.app.stage;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One attendee as the stage shows it: name, role, mute state, speaking, and its video tile (or
 * {@link #NO_TILE}). Updated on the UI thread by {@link MeetingViewModel}.
 */
public final class ParticipantItem {

  /** {@link #tileIdProperty()} when the attendee sends no video. */
  public static final int NO_TILE = -1;

  private final String attendeeId;
  private final StringProperty name = new SimpleStringProperty();
  private final StringProperty role = new SimpleStringProperty();
  private final BooleanProperty muted = new SimpleBooleanProperty();
  private final BooleanProperty speaking = new SimpleBooleanProperty();
  private final DoubleProperty volume = new SimpleDoubleProperty();
  private final IntegerProperty tileId = new SimpleIntegerProperty(NO_TILE);
  private final BooleanProperty self = new SimpleBooleanProperty();

  public ParticipantItem(String attendeeId, String name, String role) {
    this.attendeeId = attendeeId;
    this.name.set(name == null || name.isBlank() ? "Guest" : name);
    this.role.set(role);
  }

  public String attendeeId() {
    return attendeeId;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public String name() {
    return name.get();
  }

  public StringProperty roleProperty() {
    return role;
  }

  public BooleanProperty mutedProperty() {
    return muted;
  }

  public BooleanProperty speakingProperty() {
    return speaking;
  }

  public DoubleProperty volumeProperty() {
    return volume;
  }

  public IntegerProperty tileIdProperty() {
    return tileId;
  }

  /** Whether the attendee sends video now. */
  public boolean hasVideo() {
    return tileId.get() != NO_TILE;
  }

  public BooleanProperty selfProperty() {
    return self;
  }

  /** Up to two initials for the avatar shown when there is no video. */
  public String initials() {
    String[] words = name().trim().split("[\\s._-]+");
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (!w.isEmpty() && out.length() < 2) {
        out.append(Character.toUpperCase(w.charAt(0)));
      }
    }
    return out.length() == 0 ? "?" : out.toString();
  }

  @Override
  public String toString() {
    return name() + (muted.get() ? " (muted)" : "");
  }
}
