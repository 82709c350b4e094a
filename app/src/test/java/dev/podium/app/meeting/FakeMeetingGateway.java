package dev.podium.app.meeting;

import dev.podium.app.client.ClientFailure;
import dev.podium.app.client.DataMessage;
import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.client.VideoFrameListener;
import dev.podium.server.protocol.StatusCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A scriptable {@link MeetingGateway}: records requests, answers OK (or a set status), and lets a
 * test fire any event. {@link FakeWebinar} wires several together like a server would.
 */
public final class FakeMeetingGateway implements MeetingGateway {
  private final List<MeetingEvents> listeners = new CopyOnWriteArrayList<>();
  public final List<String> calls = new CopyOnWriteArrayList<>();
  public final Map<Integer, VideoFrameListener> boundTiles = new ConcurrentHashMap<>();
  private volatile SelfInfo self;
  private volatile MeetingSessionStatus startResult = MeetingSessionStatus.ok();
  private volatile MeetingSessionStatus chatResult = MeetingSessionStatus.ok();
  volatile FakeWebinar webinar;
  public volatile boolean closed;

  public FakeMeetingGateway(String attendeeId, String name, String role) {
    this.self = new SelfInfo(attendeeId, name, role);
  }

  public FakeMeetingGateway startResult(MeetingSessionStatus status) {
    this.startResult = status;
    return this;
  }

  public FakeMeetingGateway chatResult(MeetingSessionStatus status) {
    this.chatResult = status;
    return this;
  }

  public void setSelf(SelfInfo self) {
    this.self = self;
  }

  /** Fires an event at every listener (on the caller's thread, as the SDK's event thread would). */
  public void fire(Consumer<MeetingEvents> event) {
    for (MeetingEvents l : listeners) {
      event.accept(l);
    }
  }

  /** Delivers a chat message from {@code sender}. */
  public void receiveChat(String senderId, String senderName, String text) {
    DataMessage m =
        new DataMessage(
            CHAT_TOPIC,
            text.getBytes(StandardCharsets.UTF_8),
            senderId,
            senderName,
            System.currentTimeMillis());
    fire(l -> l.onChatMessage(m));
  }

  @Override
  public void addListener(MeetingEvents listener) {
    listeners.add(listener);
  }

  @Override
  public SelfInfo self() {
    return self;
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> start() {
    calls.add("start");
    return CompletableFuture.completedFuture(startResult);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> leave() {
    calls.add("leave");
    fire(l -> l.onSessionEnded(MeetingSessionStatus.of(StatusCode.LEFT, "left")));
    return CompletableFuture.completedFuture(MeetingSessionStatus.of(StatusCode.LEFT, "left"));
  }

  private volatile boolean muted = true;

  @Override
  public boolean isMuted() {
    return muted;
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setMuted(boolean muted) {
    calls.add("mute " + muted);
    this.muted = muted;
    return ok();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setCameraOn(boolean on) {
    calls.add("camera " + on);
    return ok();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setScreenShareOn(boolean on) {
    calls.add("share " + on);
    return CompletableFuture.completedFuture(
        MeetingSessionStatus.failed(ClientFailure.NOT_SUPPORTED_BY_SERVER, "no content share"));
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> sendChat(String text) {
    calls.add("chat " + text);
    if (chatResult.isOk() && webinar != null) {
      return CompletableFuture.completedFuture(webinar.chat(this, text));
    }
    return CompletableFuture.completedFuture(chatResult);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setHandRaised(boolean raised) {
    calls.add("hand " + raised);
    if (webinar != null) {
      return CompletableFuture.completedFuture(webinar.hand(this, raised));
    }
    return ok();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> leaveStage() {
    calls.add("leave-stage");
    if (webinar != null) {
      return CompletableFuture.completedFuture(webinar.demote(this, StatusCode.DEMOTED_BY_CLIENT));
    }
    return ok();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> hostAction(HostAction action, String attendeeId) {
    calls.add(action.wireName() + " " + attendeeId);
    if (webinar != null) {
      return CompletableFuture.completedFuture(webinar.hostAction(this, action, attendeeId));
    }
    return ok();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> acceptStageInvitation() {
    calls.add("accept-invitation");
    if (webinar != null) {
      return CompletableFuture.completedFuture(webinar.accept(this));
    }
    return ok();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setCaptionsRunning(boolean running) {
    calls.add("captions " + running);
    return ok();
  }

  @Override
  public void bindTile(int tileId, VideoFrameListener listener) {
    boundTiles.put(tileId, listener);
  }

  @Override
  public void unbindTile(int tileId) {
    boundTiles.remove(tileId);
  }

  @Override
  public void close() {
    closed = true;
  }

  private static CompletableFuture<MeetingSessionStatus> ok() {
    return CompletableFuture.completedFuture(MeetingSessionStatus.ok());
  }
}
