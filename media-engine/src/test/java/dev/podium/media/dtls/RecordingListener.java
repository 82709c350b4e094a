package dev.podium.media.dtls;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link DtlsListener} that records every call for assertions. */
final class RecordingListener implements DtlsListener {

  final CompletableFuture<DtlsSrtpKeys> connected = new CompletableFuture<>();
  final CompletableFuture<String> failed = new CompletableFuture<>();
  final CompletableFuture<Void> closed = new CompletableFuture<>();
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void onDtlsConnected(DtlsSrtpKeys keys) {
    events.add("connected");
    connected.complete(keys);
  }

  @Override
  public void onDtlsFailed(String reason) {
    events.add("failed: " + reason);
    failed.complete(reason);
  }

  @Override
  public void onDtlsClosed() {
    events.add("closed");
    closed.complete(null);
  }
}
