package dev.podium.app.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's one event thread: observers, data-message listeners and the futures the session
 * returns are all called here, in order, never on a native or WebSocket thread. A throwing observer
 * is logged and does not stop the others.
 */
final class SessionEvents implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SessionEvents.class);

  private final ExecutorService thread;
  private final List<MeetingSessionObserver> observers = new CopyOnWriteArrayList<>();
  private final Map<String, List<DataMessageListener>> topics = new ConcurrentHashMap<>();

  SessionEvents(String name) {
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name + "-events");
              t.setDaemon(true);
              return t;
            });
  }

  void addObserver(MeetingSessionObserver observer) {
    observers.add(observer);
  }

  void removeObserver(MeetingSessionObserver observer) {
    observers.remove(observer);
  }

  void subscribe(String topic, DataMessageListener listener) {
    topics.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
  }

  void unsubscribe(String topic, DataMessageListener listener) {
    List<DataMessageListener> listeners = topics.get(topic);
    if (listeners != null) {
      listeners.remove(listener);
    }
  }

  /** Calls {@code call} on every observer, on the event thread. */
  void emit(Consumer<MeetingSessionObserver> call) {
    execute(
        () -> {
          for (MeetingSessionObserver observer : observers) {
            try {
              call.accept(observer);
            } catch (RuntimeException e) {
              LOG.warn("a session observer failed", e);
            }
          }
        });
  }

  /** Delivers a data message to its topic's subscribers, on the event thread. */
  void deliver(DataMessage message) {
    execute(
        () -> {
          for (DataMessageListener listener : topics.getOrDefault(message.topic(), List.of())) {
            try {
              listener.onDataMessage(message);
            } catch (RuntimeException e) {
              LOG.warn("a data message listener of topic {} failed", message.topic(), e);
            }
          }
        });
  }

  /** Completes {@code future} on the event thread, so its dependents run there. */
  <T> void complete(CompletableFuture<T> future, T value) {
    execute(() -> future.complete(value));
  }

  @Override
  public void execute(Runnable task) {
    try {
      thread.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("session events already shut down; dropped an event");
    }
  }

  /** Runs what is queued, then ends the thread (bounded wait unless called from it). */
  void shutdown() {
    thread.shutdown();
  }

  void awaitTermination(long millis) {
    try {
      thread.awaitTermination(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
