package dev.podium.app.client;

import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the server says on the signaling WebSocket into session state and observer calls, on
 * the control thread: the roster, sources, mute states, volumes, data messages, video availability,
 * the end of the session, and (through {@link StageControl}) promotion and the webinar workflow.
 */
final class SignalingDispatch implements SignalingClient.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(SignalingDispatch.class);

  private final SessionCore core;
  private final Map<String, AttendeeInfo> roster = new LinkedHashMap<>();
  private List<String> activeSpeakers = List.of();

  SignalingDispatch(SessionCore core) {
    this.core = core;
  }

  @Override
  public void onMessage(SignalingClient source, ServerMessage message) {
    core.onControl(
        () -> {
          if (source == core.signaling && core.state != SessionCore.State.STOPPED) {
            handle(message);
          }
        });
  }

  @Override
  public void onClosed(SignalingClient source, String why) {
    core.onControl(
        () -> {
          if (source == core.signaling && core.state == SessionCore.State.STARTED) {
            core.reconnector.signalingLost(why);
          }
        });
  }

  private void handle(ServerMessage message) {
    if (message instanceof ServerMessage.Sources s) {
      core.tiles.sourcesChanged(s.sources());
    } else if (message instanceof ServerMessage.Presence p) {
      onPresence(p);
    } else if (message instanceof ServerMessage.MuteState m) {
      onMuteState(m);
    } else if (message instanceof ServerMessage.Volumes v) {
      onVolumes(v);
    } else if (message instanceof ServerMessage.Data d) {
      onData(d);
    } else if (message instanceof ServerMessage.VideoPaused paused) {
      core.tiles.pausedByBandwidth(paused.sourceIds());
    } else if (message instanceof ServerMessage.VideoAvailability va) {
      core.media.setVideoAvailability(va.canStartLocalVideo());
    } else if (message instanceof ServerMessage.Demoted d) {
      core.stage.demoted(d);
    } else if (message instanceof ServerMessage.StageInvitation invitation) {
      core.stage.invited(invitation);
    } else if (message instanceof ServerMessage.HandQueue queue) {
      core.stage.handQueue(queue);
    } else if (message instanceof ServerMessage.Audience audience) {
      core.events.emit(o -> o.onAudienceChanged(audience.replicas(), audience.viewers()));
    } else if (message instanceof ServerMessage.Transcript t) {
      Transcript transcript = TranscriptMapping.transcript(t);
      core.events.emit(o -> o.onTranscriptEvent(transcript));
    } else if (message instanceof ServerMessage.TranscriptionStatus ts) {
      TranscriptionStatus status = TranscriptMapping.status(ts);
      if (status != null) {
        core.events.emit(o -> o.onTranscriptEvent(status));
      } else {
        LOG.debug("{}: unknown transcription status {}", core.name, ts.status());
      }
    } else if (message instanceof ServerMessage.Ended e) {
      core.finish(MeetingSessionStatus.of(e.code(), e.message()));
    } else if (message instanceof ServerMessage.Status s) {
      LOG.debug("{}: unsolicited status {} {}", core.name, s.code(), s.message());
    }
  }

  private void onMuteState(ServerMessage.MuteState m) {
    AttendeeInfo a = roster.get(m.attendeeId());
    if (a != null) {
      roster.put(
          a.attendeeId(),
          new AttendeeInfo(a.attendeeId(), a.externalUserId(), a.role(), m.muted()));
    }
    if (m.muted() && core.stage.isMe(m.attendeeId()) && !core.muted) {
      // A host muted this attendee on the server: follow, so unmuting is the app's decision.
      core.media.setMuted(true);
    }
    core.events.emit(o -> o.onMuteStateChanged(m.attendeeId(), m.muted()));
  }

  private void onVolumes(ServerMessage.Volumes v) {
    if (v.updates() != null && !v.updates().isEmpty()) {
      List<ServerMessage.Volume> updates = List.copyOf(v.updates());
      core.events.emit(o -> o.onVolumesChanged(updates));
    }
    List<String> speakers =
        v.activeSpeakers() == null ? List.of() : List.copyOf(v.activeSpeakers());
    if (!speakers.equals(activeSpeakers)) {
      activeSpeakers = speakers;
      core.events.emit(o -> o.onActiveSpeakersChanged(speakers));
    }
  }

  private void onData(ServerMessage.Data d) {
    byte[] payload;
    try {
      payload = Base64.getDecoder().decode(d.data() == null ? "" : d.data());
    } catch (IllegalArgumentException e) {
      LOG.warn("{}: data message on topic {} is not base64; dropped", core.name, d.topic());
      return;
    }
    core.events.deliver(
        new DataMessage(
            d.topic(), payload, d.senderAttendeeId(), d.senderExternalUserId(), d.timestampMs()));
  }

  private void onPresence(ServerMessage.Presence p) {
    AttendeeInfo known = roster.get(p.attendeeId());
    AttendeeInfo info =
        known != null ? known : new AttendeeInfo(p.attendeeId(), p.externalUserId(), null, false);
    if (p.state() == PresenceState.JOINED) {
      roster.put(p.attendeeId(), info);
    } else {
      roster.remove(p.attendeeId());
    }
    core.events.emit(o -> o.onAttendeePresence(info, p.state()));
  }

  /** A join or resume succeeded: who we are, who is there, what we may send and receive. */
  void applyJoined(ServerMessage.Joined joined) {
    core.self = joined.self();
    core.resumeToken = joined.resumeToken();
    core.stage.joined(joined);
    Map<String, AttendeeInfo> now = new LinkedHashMap<>();
    for (AttendeeInfo a : joined.attendees()) {
      now.put(a.attendeeId(), a);
    }
    for (AttendeeInfo gone : List.copyOf(roster.values())) {
      if (!now.containsKey(gone.attendeeId())) {
        roster.remove(gone.attendeeId());
        core.events.emit(o -> o.onAttendeePresence(gone, PresenceState.LEFT));
      }
    }
    for (AttendeeInfo a : now.values()) {
      if (roster.put(a.attendeeId(), a) == null) {
        core.events.emit(o -> o.onAttendeePresence(a, PresenceState.JOINED));
      }
    }
    core.media.setVideoAvailability(joined.canStartLocalVideo());
    core.tiles.sourcesChanged(joined.sources());
  }
}
