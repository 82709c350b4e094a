package dev.podium.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podium.server.meeting.Attendee;
import dev.podium.server.meeting.AttendeeError;
import dev.podium.server.meeting.BatchCreateResult;
import dev.podium.server.meeting.Capabilities;
import dev.podium.server.meeting.CreatedAttendee;
import dev.podium.server.meeting.Meeting;
import dev.podium.server.meeting.MeetingFeatures;

/**
 * Writes responses with Chime's field names. Podium's extensions: {@code
 * MeetingFeatures.Audio.BitrateKbps}, {@code MeetingFeatures.Audio.Stereo}, {@code Attendee.Role}.
 */
final class ApiJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ApiJson() {}

  static ObjectNode meeting(Meeting meeting, ServerUrls urls) {
    ObjectNode m = JSON.objectNode();
    m.put("MeetingId", meeting.meetingId().toString());
    meeting.externalId().ifPresent(id -> m.put("ExternalMeetingId", id));
    m.put("MediaRegion", meeting.mediaRegion());
    meeting.primary().ifPresent(p -> m.put("PrimaryMeetingId", p.toString()));
    ObjectNode placement = m.putObject("MediaPlacement");
    placement.put("SignalingUrl", urls.signalingUrl(meeting.meetingId()));
    placement.put("EventIngestionUrl", urls.eventIngestionUrl(meeting.meetingId()));
    m.set("MeetingFeatures", features(meeting.features()));
    return m;
  }

  private static ObjectNode features(MeetingFeatures f) {
    ObjectNode n = JSON.objectNode();
    ObjectNode audio = n.putObject("Audio");
    audio.put("EchoReduction", f.echoReduction() ? "AVAILABLE" : "UNAVAILABLE");
    audio.put("BitrateKbps", f.audioBitrateKbps());
    audio.put("Stereo", f.audioStereo());
    n.putObject("Video").put("MaxResolution", f.videoMaxResolution().wireName());
    n.putObject("Content").put("MaxResolution", f.contentMaxResolution().wireName());
    n.putObject("Attendee").put("MaxCount", f.attendeeMaxCount());
    return n;
  }

  static ObjectNode attendee(Attendee attendee, String joinToken) {
    ObjectNode a = JSON.objectNode();
    a.put("AttendeeId", attendee.attendeeId().toString());
    a.put("ExternalUserId", attendee.externalUserId());
    if (joinToken != null) {
      a.put("JoinToken", joinToken);
    }
    Capabilities c = attendee.capabilities();
    ObjectNode caps = a.putObject("Capabilities");
    caps.put("Audio", c.audio().wireName());
    caps.put("Video", c.video().wireName());
    caps.put("Content", c.content().wireName());
    a.put("Role", attendee.role().wireName());
    return a;
  }

  static ObjectNode envelope(String name, ObjectNode value) {
    ObjectNode root = JSON.objectNode();
    root.set(name, value);
    return root;
  }

  /** Fills {@code "Attendees"} and {@code "Errors"} of a batch result into {@code root}. */
  static ObjectNode batch(ObjectNode root, BatchCreateResult result) {
    ArrayNode attendees = root.putArray("Attendees");
    for (CreatedAttendee c : result.attendees()) {
      attendees.add(attendee(c.attendee(), c.joinToken()));
    }
    ArrayNode errors = root.putArray("Errors");
    for (AttendeeError e : result.errors()) {
      ObjectNode err = errors.addObject();
      err.put("ExternalUserId", e.externalUserId());
      err.put("ErrorCode", ErrorCodes.code(e.kind()));
      err.put("ErrorMessage", e.message());
    }
    return root;
  }

  static ObjectNode error(String code, String message) {
    ObjectNode root = JSON.objectNode();
    root.put("Code", code);
    root.put("Message", message);
    return root;
  }

  static ObjectNode object() {
    return JSON.objectNode();
  }
}
