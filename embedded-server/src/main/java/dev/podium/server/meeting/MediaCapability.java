package dev.podium.server.meeting;

import java.util.Arrays;
import java.util.Optional;

/** What an attendee may do with one kind of media, with Chime's wire names. */
public enum MediaCapability {
  SEND_RECEIVE("SendReceive"),
  SEND("Send"),
  RECEIVE("Receive"),
  NONE("None");

  private final String wireName;

  MediaCapability(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in JSON ("SendReceive", "Send", "Receive", "None"). */
  public String wireName() {
    return wireName;
  }

  public boolean canSend() {
    return this == SEND_RECEIVE || this == SEND;
  }

  public boolean canReceive() {
    return this == SEND_RECEIVE || this == RECEIVE;
  }

  /** The capability with this wire name, if any (case-sensitive, as Chime). */
  public static Optional<MediaCapability> fromWireName(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
  }
}
