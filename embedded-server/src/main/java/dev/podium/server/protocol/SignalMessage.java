package dev.podium.server.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Every message on the signaling WebSocket, in one sealed hierarchy; the JSON {@code type} property
 * names the record (see docs/signaling.md). Client messages may carry a {@code requestId} that the
 * server echoes in its reply.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ClientMessage.Join.class, name = "join"),
  @JsonSubTypes.Type(value = ClientMessage.Offer.class, name = "offer"),
  @JsonSubTypes.Type(value = ClientMessage.SetMute.class, name = "set-mute"),
  @JsonSubTypes.Type(value = ClientMessage.SendData.class, name = "send-data"),
  @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
  @JsonSubTypes.Type(value = ClientMessage.Leave.class, name = "leave"),
  @JsonSubTypes.Type(value = ClientMessage.Promote.class, name = "promote"),
  @JsonSubTypes.Type(value = ClientMessage.Demote.class, name = "demote"),
  @JsonSubTypes.Type(value = ClientMessage.RaiseHand.class, name = "raise-hand"),
  @JsonSubTypes.Type(value = ClientMessage.HostAction.class, name = "host-action"),
  @JsonSubTypes.Type(value = ClientMessage.VideoPreferences.class, name = "video-preferences"),
  @JsonSubTypes.Type(value = ServerMessage.Joined.class, name = "joined"),
  @JsonSubTypes.Type(value = ServerMessage.Answer.class, name = "answer"),
  @JsonSubTypes.Type(value = ServerMessage.Sources.class, name = "sources"),
  @JsonSubTypes.Type(value = ServerMessage.Presence.class, name = "presence"),
  @JsonSubTypes.Type(value = ServerMessage.MuteState.class, name = "mute-state"),
  @JsonSubTypes.Type(value = ServerMessage.Volumes.class, name = "volumes"),
  @JsonSubTypes.Type(value = ServerMessage.Data.class, name = "data"),
  @JsonSubTypes.Type(value = ServerMessage.VideoAvailability.class, name = "video-availability"),
  @JsonSubTypes.Type(value = ServerMessage.VideoPaused.class, name = "video-paused"),
  @JsonSubTypes.Type(value = ServerMessage.Status.class, name = "status"),
  @JsonSubTypes.Type(value = ServerMessage.Ended.class, name = "ended"),
  @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
  @JsonSubTypes.Type(value = ServerMessage.Promoted.class, name = "promoted"),
  @JsonSubTypes.Type(value = ServerMessage.Demoted.class, name = "demoted"),
  @JsonSubTypes.Type(value = ServerMessage.HandQueue.class, name = "hand-queue"),
  @JsonSubTypes.Type(value = ServerMessage.StageInvitation.class, name = "stage-invitation"),
  @JsonSubTypes.Type(value = ServerMessage.Audience.class, name = "audience"),
  @JsonSubTypes.Type(value = ServerMessage.Transcript.class, name = "transcript"),
  @JsonSubTypes.Type(
      value = ServerMessage.TranscriptionStatus.class,
      name = "transcription-status"),
})
public sealed interface SignalMessage permits ClientMessage, ServerMessage {
  /** The protocol version this code speaks; sent in join and joined. */
  int PROTOCOL_VERSION = 1;
}
