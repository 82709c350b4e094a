package dev.podium.app.client;

import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records every observer call as a line ("tileAdded bob 1") with its thread, and waits for them.
 */
final class RecordingObserver implements MeetingSessionObserver {
  private final List<String> events = new ArrayList<>();
  private final List<String> threads = new ArrayList<>();
  private final List<VideoTile> tiles = new ArrayList<>();
  volatile MeetingSessionStatus stoppedStatus;

  private synchronized void record(String event) {
    events.add(event);
    threads.add(Thread.currentThread().getName());
    notifyAll();
  }

  synchronized List<String> events() {
    return List.copyOf(events);
  }

  synchronized List<String> threads() {
    return List.copyOf(threads);
  }

  synchronized List<VideoTile> tilesAdded() {
    return List.copyOf(tiles);
  }

  /** Waits for an event line matching {@code match}; returns it. */
  synchronized String await(Predicate<String> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (String e : events) {
        if (match.test(e)) {
          return e;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no matching event within " + timeout + "; seen " + events);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  String await(String prefix) throws InterruptedException {
    return await(e -> e.startsWith(prefix), Duration.ofSeconds(15));
  }

  @Override
  public void onSessionStarting(boolean reconnecting) {
    record("starting " + reconnecting);
  }

  @Override
  public void onSessionStarted(boolean reconnected) {
    record("started " + reconnected);
  }

  @Override
  public void onSessionReconnecting() {
    record("reconnecting");
  }

  @Override
  public void onSessionStopped(MeetingSessionStatus status) {
    stoppedStatus = status;
    record("stopped " + status);
  }

  @Override
  public void onVideoTileAdded(VideoTile tile) {
    synchronized (this) {
      tiles.add(tile);
    }
    record("tileAdded " + tile.externalUserId() + " " + tile.tileId());
  }

  @Override
  public void onVideoTileUpdated(VideoTile tile) {
    record("tileUpdated " + tile.externalUserId() + " " + tile.width() + "x" + tile.height());
  }

  @Override
  public void onVideoTileRemoved(VideoTile tile) {
    record("tileRemoved " + tile.externalUserId() + " " + tile.tileId());
  }

  @Override
  public void onVideoAvailabilityChanged(boolean canStartLocalVideo) {
    record("videoAvailability " + canStartLocalVideo);
  }

  @Override
  public void onVideoSendUnavailable(MeetingSessionStatus status) {
    record("videoSendUnavailable " + status.code());
  }

  @Override
  public void onLocalVideoStarted() {
    record("localVideoStarted");
  }

  @Override
  public void onAttendeePresence(AttendeeInfo attendee, PresenceState state) {
    record("presence " + attendee.externalUserId() + " " + state);
  }

  @Override
  public void onMuteStateChanged(String attendeeId, boolean muted) {
    record("mute " + attendeeId + " " + muted);
  }

  @Override
  public void onPromoted(MeetingSessionStatus status) {
    record("promoted " + status.code());
  }

  @Override
  public void onDemoted(MeetingSessionStatus status) {
    record("demoted " + status.code());
  }

  @Override
  public void onStageInvitationReceived(PromotionCredentials credentials) {
    record("stageInvitation " + credentials.attendeeId());
  }

  @Override
  public void onHandQueueChanged(List<ServerMessage.Hand> hands) {
    record("handQueue " + hands.stream().map(ServerMessage.Hand::externalUserId).toList());
  }

  @Override
  public void onHandRaised(AttendeeInfo viewer, boolean raised) {
    record("hand " + viewer.externalUserId() + " " + raised);
  }

  @Override
  public void onAudienceChanged(int replicas, int viewers) {
    record("audience " + replicas + " " + viewers);
  }

  @Override
  public void onActiveSpeakersChanged(List<String> attendeeIds) {
    record("activeSpeakers " + attendeeIds);
  }

  @Override
  public void onConnectionBecamePoor() {
    record("poor");
  }

  @Override
  public void onConnectionBecameGood() {
    record("good");
  }
}
