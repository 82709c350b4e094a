package dev.podium.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.loadkit.LightPeerEngine;
import dev.podium.loadkit.LightViewer;
import dev.podium.server.boot.PodiumServer;
import dev.podium.server.boot.ServerConfig;
import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.SignalCodec;
import dev.podium.testkit.PeerEnvironment;
import dev.podium.testkit.TestPeer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Promote latency (issue 4): time from a replica viewer's {@code promote} request to the first
 * audio packet carrying its voice at an attendee of the primary, over many promotions on loopback.
 * The viewer is a real webrtc-java peer sending a tone; the primary attendee is a light peer whose
 * audio downlink carries the server's mix: 3-byte Opus silence frames while nobody speaks, and real
 * Opus frames once the promoted viewer is mixed in. Between rounds the viewer is demoted and the
 * mix returns to silence.
 *
 * <p>Run: {@code tools/loopback-only java -cp benchmarks/target/benchmarks.jar
 * dev.podium.bench.PromoteLatencyBenchmark [rounds]}
 */
public final class PromoteLatencyBenchmark {
  private static final String KEY = "promote-latency-benchmark-key";

  /** Opus silence frames from the mixer are 3 bytes; a voiced 20 ms frame at 32 kbps is ~80. */
  private static final int VOICED_PAYLOAD = 12;

  private PromoteLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    Logging.warnOnly();
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    ObjectMapper json = new ObjectMapper();
    try (PodiumServer server = PodiumServer.start(ServerConfig.ephemeral(KEY));
        PeerEnvironment peers = PeerEnvironment.create();
        LightPeerEngine engine = LightPeerEngine.start()) {
      Http http = new Http("http://127.0.0.1:" + server.httpPort(), json);
      JsonNode primary = http.post("/meetings", "{}").get("Meeting");
      String primaryId = primary.get("MeetingId").asText();
      JsonNode replica =
          http.post("/meetings", "{\"PrimaryMeetingId\":\"" + primaryId + "\"}").get("Meeting");
      String listenerToken = http.attendee(primaryId, "listener").get("JoinToken").asText();
      String viewerToken =
          http.attendee(replica.get("MeetingId").asText(), "viewer").get("JoinToken").asText();
      String stageToken = http.attendee(primaryId, "viewer-on-stage").get("JoinToken").asText();

      LightViewer listener =
          LightViewer.join(engine, url(primary), listenerToken, 0, Duration.ofSeconds(10));
      AtomicLong lastVoice = new AtomicLong();
      listener
          .peer()
          .setPacketListener(
              (kind, payloadLength, nanos) -> {
                if (kind.equals("audio") && payloadLength >= VOICED_PAYLOAD) {
                  lastVoice.set(nanos);
                }
              });

      TestPeer viewerPeer = peers.newPeer("viewer").sendAudio(660).receiveAudio(1).build();
      try (Signaling viewer = Signaling.open(url(replica))) {
        viewer.send(new ClientMessage.Join("join", 1, viewerToken, null, Map.of()));
        viewer.await(ServerMessage.Joined.class, Duration.ofSeconds(10));
        viewer.send(new ClientMessage.Offer("offer", viewerPeer.createOffer(), Map.of()));
        viewerPeer.setAnswer(
            viewer.await(ServerMessage.Answer.class, Duration.ofSeconds(10)).sdp());
        viewerPeer.awaitConnected(Duration.ofSeconds(10));
        viewerPeer.awaitAudioPushed(100, Duration.ofSeconds(10));

        List<Long> micros = new ArrayList<>();
        int failures = 0;
        for (int round = 0; round < rounds; round++) {
          long sent = System.nanoTime();
          viewer.send(new ClientMessage.Promote("p" + round, stageToken));
          viewer.await(ServerMessage.Promoted.class, Duration.ofSeconds(5));
          long heard = awaitVoiceAfter(lastVoice, sent, Duration.ofSeconds(5));
          if (heard < 0) {
            failures++;
          } else {
            micros.add((heard - sent) / 1_000);
          }
          viewer.send(new ClientMessage.Demote("d" + round));
          viewer.await(ServerMessage.Demoted.class, Duration.ofSeconds(5));
          awaitSilence(lastVoice, Duration.ofMillis(300), Duration.ofSeconds(5));
        }
        report(micros, failures, rounds);
      } finally {
        listener.close();
      }
    }
  }

  private static long awaitVoiceAfter(AtomicLong lastVoice, long after, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      long seen = lastVoice.get();
      if (seen > after) {
        return seen;
      }
      Thread.sleep(0, 200_000);
    }
    return -1;
  }

  private static void awaitSilence(AtomicLong lastVoice, Duration quiet, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (System.nanoTime() - lastVoice.get() > quiet.toNanos()) {
        return;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("the mix did not fall silent after demotion");
  }

  private static void report(List<Long> micros, int failures, int rounds) {
    List<Long> sorted = new ArrayList<>(micros);
    sorted.sort(Long::compare);
    if (sorted.isEmpty()) {
      System.out.printf("promote latency: no promotion was heard (%d failures)%n", failures);
      return;
    }
    System.out.printf(
        "promote latency over %d promotions (%d not heard within 5 s): p50 %.1f ms, p99 %.1f ms,"
            + " min %.1f ms, max %.1f ms%n",
        sorted.size(),
        failures,
        percentile(sorted, 0.50) / 1000.0,
        percentile(sorted, 0.99) / 1000.0,
        sorted.get(0) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0);
    if (rounds != sorted.size() + failures) {
      throw new IllegalStateException("round accounting");
    }
  }

  private static long percentile(List<Long> sorted, double p) {
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String url(JsonNode meeting) {
    return meeting.get("MediaPlacement").get("SignalingUrl").asText();
  }

  /** The control API calls the benchmark needs. */
  private record Http(String base, ObjectMapper json) {
    JsonNode post(String path, String body) throws Exception {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + path))
                      .header("Authorization", "Bearer " + KEY)
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            path + " → " + response.statusCode() + " " + response.body());
      }
      return json.readTree(response.body());
    }

    JsonNode attendee(String meetingId, String name) throws Exception {
      return post("/meetings/" + meetingId + "/attendees", "{\"ExternalUserId\":\"" + name + "\"}")
          .get("Attendee");
    }
  }

  /** A signaling WebSocket that queues typed server messages. */
  private static final class Signaling implements AutoCloseable {
    private final SignalCodec codec = new SignalCodec();
    private final LinkedBlockingQueue<ServerMessage> inbox = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private Signaling(String url) {
      socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create(url),
                  new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(
                        WebSocket ws, CharSequence data, boolean last) {
                      text.append(data);
                      if (last) {
                        inbox.add(codec.decode(text.toString(), ServerMessage.class));
                        text.setLength(0);
                      }
                      ws.request(1);
                      return null;
                    }
                  })
              .join();
    }

    static Signaling open(String url) {
      return new Signaling(url);
    }

    void send(ClientMessage message) {
      socket.sendText(codec.encode(message), true).join();
    }

    <T extends ServerMessage> T await(Class<T> type, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        ServerMessage next = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (next == null) {
          throw new IllegalStateException("no " + type.getSimpleName() + " within " + timeout);
        }
        if (type.isInstance(next)) {
          return type.cast(next);
        }
        if (next instanceof ServerMessage.Status status
            && status.code() != dev.podium.server.protocol.StatusCode.OK
            && status.requestId() != null) {
          throw new IllegalStateException("refused: " + status);
        }
      }
    }

    @Override
    public void close() {
      socket.abort();
    }
  }
}
