package dev.podium.app.meeting;

/** A host's action on another attendee (the protocol's {@code host-action} names). */
public enum HostAction {
  BRING_TO_STAGE("bring-to-stage"),
  DISMISS("dismiss"),
  SEND_BACK("send-back"),
  MUTE("mute"),
  REMOVE("remove");

  private final String wireName;

  HostAction(String wireName) {
    this.wireName = wireName;
  }

  /** The action's name in the signaling protocol. */
  public String wireName() {
    return wireName;
  }
}
