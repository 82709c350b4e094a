package dev.podium.app.stage;

/** Which panel is open at the side of the stage. */
public enum SidePanel {
  NONE,
  CHAT,
  PEOPLE,
  HOST
}
