package dev.podium.app.meeting;

import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.client.VideoFrameListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A real gateway with one extra: a test can add synthetic events (e.g. transcripts, whose real
 * source is a speaking peer) next to the real ones the server sends.
 */
public final class InjectingGateway implements MeetingGateway {
  private final MeetingGateway real;
  private final List<MeetingEvents> listeners = new CopyOnWriteArrayList<>();

  public InjectingGateway(MeetingGateway real) {
    this.real = real;
  }

  /** Fires {@code event} at this gateway's listeners from a non-UI thread, as the SDK would. */
  public void inject(Consumer<MeetingEvents> event) {
    Thread t = new Thread(() -> listeners.forEach(event), "injected-events");
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void addListener(MeetingEvents listener) {
    listeners.add(listener);
    real.addListener(listener);
  }

  @Override
  public SelfInfo self() {
    return real.self();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> start() {
    return real.start();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> leave() {
    return real.leave();
  }

  @Override
  public boolean isMuted() {
    return real.isMuted();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setMuted(boolean muted) {
    return real.setMuted(muted);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setCameraOn(boolean on) {
    return real.setCameraOn(on);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setScreenShareOn(boolean on) {
    return real.setScreenShareOn(on);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> sendChat(String text) {
    return real.sendChat(text);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setHandRaised(boolean raised) {
    return real.setHandRaised(raised);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> leaveStage() {
    return real.leaveStage();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> hostAction(HostAction action, String attendeeId) {
    return real.hostAction(action, attendeeId);
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> acceptStageInvitation() {
    return real.acceptStageInvitation();
  }

  @Override
  public CompletableFuture<MeetingSessionStatus> setCaptionsRunning(boolean running) {
    return real.setCaptionsRunning(running);
  }

  @Override
  public void bindTile(int tileId, VideoFrameListener listener) {
    real.bindTile(tileId, listener);
  }

  @Override
  public void unbindTile(int tileId) {
    real.unbindTile(tileId);
  }

  @Override
  public void close() {
    real.close();
  }
}
