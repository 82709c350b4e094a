package dev.podium.server.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver on 127.0.0.1 for tests: records every delivery (headers, raw body) and answers
 * 200, or 503 while {@link #failNext} is positive.
 */
final class WebhookReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One received request. */
  record Delivery(String signature, String eventType, byte[] body, JsonNode json, long atNanos) {}

  private final HttpServer server;
  private final List<Delivery> deliveries = new ArrayList<>();
  final AtomicInteger failNext = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hooks",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status = 200;
          if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 503;
            refused.incrementAndGet();
          } else {
            synchronized (deliveries) {
              deliveries.add(
                  new Delivery(
                      exchange.getRequestHeaders().getFirst("X-Podium-Signature"),
                      exchange.getRequestHeaders().getFirst("X-Podium-Event-Type"),
                      body,
                      JSON.readTree(body),
                      System.nanoTime()));
              deliveries.notifyAll();
            }
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
  }

  List<Delivery> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  /** Waits until a delivery matches, or fails after {@code timeout}. */
  Delivery await(Predicate<Delivery> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (deliveries) {
      while (true) {
        for (Delivery d : deliveries) {
          if (match.test(d)) {
            return d;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "no matching webhook within "
                  + timeout
                  + "; got "
                  + deliveries.stream().map(Delivery::eventType).toList());
        }
        deliveries.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  static Predicate<Delivery> type(String eventType) {
    return d -> eventType.equals(d.eventType());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
