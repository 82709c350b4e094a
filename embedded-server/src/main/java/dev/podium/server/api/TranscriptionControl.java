package dev.podium.server.api;

import dev.podium.server.meeting.MeetingId;

/**
 * Starts and stops live captions of a primary meeting (Chime's StartMeetingTranscription /
 * StopMeetingTranscription), implemented by the signaling layer that owns the meeting's audio.
 */
public interface TranscriptionControl {
  /**
   * @throws ApiException 400 for a replica or an unsupported language, 503 when the speech engine
   *     is unavailable
   */
  void start(MeetingId meetingId, String languageCode);

  void stop(MeetingId meetingId);
}
