package dev.podium.app.lobby;

import dev.podium.app.client.MeetingSessionConfiguration;
import dev.podium.app.meeting.JoinedMeeting;
import dev.podium.app.meeting.MeetingGateway;
import java.util.concurrent.CompletableFuture;

/** What the start screen needs to open meetings: join from a link, or host a webinar here. */
public interface MeetingLauncher {

  /** A gateway (not started) for {@code config}. */
  MeetingGateway gatewayFor(MeetingSessionConfiguration config);

  /**
   * Starts a webinar on this machine and joins it as host: completes with the started session, or
   * exceptionally with a message fit for the user.
   */
  CompletableFuture<JoinedMeeting> hostWebinar(String hostName);
}
