package dev.podium.server.api;

import dev.podium.server.meeting.AttendeeRole;
import dev.podium.server.meeting.AttendeeSpec;
import dev.podium.server.meeting.Capabilities;
import dev.podium.server.meeting.MediaCapability;
import dev.podium.server.meeting.MeetingFeatures;
import dev.podium.server.meeting.MeetingId;
import dev.podium.server.meeting.MeetingSpec;
import dev.podium.server.meeting.VideoResolution;
import java.util.List;
import java.util.Optional;

/**
 * Turns request bodies into meeting-service specs, refusing wrong types and out-of-range values
 * with the field's dotted name. Unknown fields are ignored (so Chime SDK requests carrying Tags,
 * TenantIds, NotificationsConfiguration or MeetingHostId are accepted).
 */
final class ApiRequests {
  /** Items of a BatchCreateAttendee or CreateMeetingWithAttendees request. */
  static final int MAX_BATCH = 100;

  private static final String CAPABILITY_NAMES = "SendReceive, Send, Receive, None";

  private ApiRequests() {}

  /** CreateMeeting's fields (and CreateMeetingWithAttendees' meeting part). */
  static MeetingSpec meetingSpec(JsonFields body, int serverMaxAttendees) {
    String clientRequestToken = body.text("ClientRequestToken", 2, 64).orElse(null);
    String externalMeetingId = body.text("ExternalMeetingId", 2, 64).orElse(null);
    String mediaRegion = body.text("MediaRegion", 2, 64).orElse(null);
    MeetingId primary =
        body.anyText("PrimaryMeetingId").map(t -> meetingId(t, "PrimaryMeetingId")).orElse(null);
    MeetingFeatures features =
        body.object("MeetingFeatures").map(f -> features(f, serverMaxAttendees)).orElse(null);
    return new MeetingSpec(clientRequestToken, externalMeetingId, mediaRegion, primary, features);
  }

  private static MeetingFeatures features(JsonFields f, int serverMaxAttendees) {
    MeetingFeatures d = MeetingFeatures.defaults(serverMaxAttendees);
    boolean echo = d.echoReduction();
    boolean stereo = d.audioStereo();
    int bitrate = d.audioBitrateKbps();
    Optional<JsonFields> audio = f.object("Audio");
    if (audio.isPresent()) {
      JsonFields a = audio.get();
      echo =
          a.choice(
                  "EchoReduction",
                  v ->
                      v.equals("AVAILABLE") || v.equals("UNAVAILABLE")
                          ? Optional.of(v.equals("AVAILABLE"))
                          : Optional.empty(),
                  "AVAILABLE, UNAVAILABLE")
              .orElse(echo);
      stereo = a.bool("Stereo").orElse(stereo);
      int max =
          stereo ? MeetingFeatures.MAX_STEREO_BITRATE_KBPS : MeetingFeatures.MAX_MONO_BITRATE_KBPS;
      bitrate =
          a.integer("BitrateKbps", MeetingFeatures.MIN_AUDIO_BITRATE_KBPS, max).orElse(bitrate);
    }
    VideoResolution video =
        f.object("Video")
            .flatMap(
                v ->
                    v.choice(
                        "MaxResolution",
                        n -> VideoResolution.fromWireName(n).filter(r -> r != VideoResolution.UHD),
                        "None, HD, FHD"))
            .orElse(d.videoMaxResolution());
    VideoResolution content =
        f.object("Content")
            .flatMap(
                c ->
                    c.choice(
                        "MaxResolution",
                        n -> VideoResolution.fromWireName(n).filter(r -> r != VideoResolution.HD),
                        "None, FHD, UHD"))
            .orElse(d.contentMaxResolution());
    int maxCount =
        f.object("Attendee")
            .flatMap(a -> a.integer("MaxCount", 1, serverMaxAttendees))
            .orElse(d.attendeeMaxCount());
    return new MeetingFeatures(echo, bitrate, stereo, video, content, maxCount);
  }

  /** The "Attendees" array of CreateMeetingWithAttendees or BatchCreateAttendee. */
  static List<AttendeeSpec> attendeeSpecs(JsonFields body) {
    return body.objectArray("Attendees", 1, MAX_BATCH).stream()
        .map(ApiRequests::attendeeSpec)
        .toList();
  }

  /** CreateAttendee's fields. The length of ExternalUserId is checked by the service. */
  static AttendeeSpec attendeeSpec(JsonFields body) {
    String externalUserId = body.requiredText("ExternalUserId");
    Capabilities capabilities =
        body.object("Capabilities").map(ApiRequests::capabilities).orElse(null);
    AttendeeRole role =
        body.choice("Role", AttendeeRole::fromWireName, "host, presenter, viewer").orElse(null);
    return new AttendeeSpec(externalUserId, capabilities, role);
  }

  /** A Capabilities object: Audio, Video and Content are all required. */
  static Capabilities capabilities(JsonFields c) {
    return new Capabilities(
        c.requiredChoice("Audio", MediaCapability::fromWireName, CAPABILITY_NAMES),
        c.requiredChoice("Video", MediaCapability::fromWireName, CAPABILITY_NAMES),
        c.requiredChoice("Content", MediaCapability::fromWireName, CAPABILITY_NAMES));
  }

  static MeetingId meetingId(String text, String what) {
    try {
      return MeetingId.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(what + " must be a UUID");
    }
  }
}
