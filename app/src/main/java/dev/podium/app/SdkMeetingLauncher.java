package dev.podium.app;

import dev.podium.app.client.MeetingSessionConfiguration;
import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.client.SessionOptions;
import dev.podium.app.host.LocalWebinar;
import dev.podium.app.lobby.MeetingLauncher;
import dev.podium.app.meeting.JoinedMeeting;
import dev.podium.app.meeting.MeetingGateway;
import dev.podium.app.meeting.SdkMeetingGateway;
import dev.podium.app.meeting.StatusTexts;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Opens meetings with the real client SDK, and hosts webinars on an in-process server. */
public final class SdkMeetingLauncher implements MeetingLauncher {
  private final Supplier<SessionOptions> options;

  public SdkMeetingLauncher(Supplier<SessionOptions> options) {
    this.options = options;
  }

  @Override
  public MeetingGateway gatewayFor(MeetingSessionConfiguration config) {
    return SdkMeetingGateway.create(config, options.get(), null);
  }

  @Override
  public CompletableFuture<JoinedMeeting> hostWebinar(String hostName) {
    return CompletableFuture.supplyAsync(
        () -> {
          String title = hostName + "'s webinar";
          LocalWebinar webinar;
          try {
            webinar = LocalWebinar.start(title, hostName);
          } catch (RuntimeException e) {
            throw new IllegalStateException(
                "the local server did not start (" + e.getMessage() + ")", e);
          }
          MeetingGateway gateway = gatewayFor(webinar.hostConfiguration());
          try {
            MeetingSessionStatus status = gateway.start().get(30, TimeUnit.SECONDS);
            if (!status.isOk()) {
              throw new IllegalStateException(StatusTexts.joinFailure(status));
            }
            return new JoinedMeeting(gateway, title, webinar, webinar);
          } catch (Exception e) {
            gateway.close();
            webinar.close();
            if (e instanceof IllegalStateException ise) {
              throw ise;
            }
            if (e instanceof InterruptedException) {
              Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("joining your own webinar failed", e);
          }
        });
  }
}
