package dev.podium.app.client;

/**
 * One remote video stream shown by the application (Chime's VideoTileState). A tile exists while
 * its source is in the meeting; frames reach a {@link VideoFrameListener} bound with {@link
 * MeetingSession#bindVideoTile}.
 *
 * @param tileId session-unique id, never reused
 * @param attendeeId the AttendeeId of the source's attendee
 * @param externalUserId that attendee's ExternalUserId
 * @param sourceId the server's id of the video source
 * @param width width of the last decoded frame, 0 before the first
 * @param height height of the last decoded frame, 0 before the first
 */
public record VideoTile(
    int tileId, String attendeeId, String externalUserId, String sourceId, int width, int height) {

  VideoTile withSize(int newWidth, int newHeight) {
    return new VideoTile(tileId, attendeeId, externalUserId, sourceId, newWidth, newHeight);
  }
}
