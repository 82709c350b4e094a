package dev.podium.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for contract tests: JSON in, status + JSON out. */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String apiKey;

  public ApiClient(String base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  /** A reply: status, raw body and (when it parses) the JSON body. */
  public record Reply(int status, String raw, JsonNode json, HttpResponse<String> response) {
    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  public Reply get(String path) {
    return send("GET", path, null, apiKey);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, apiKey);
  }

  public Reply post(String path, String body) {
    return send("POST", path, body, apiKey);
  }

  public Reply put(String path, String body) {
    return send("PUT", path, body, apiKey);
  }

  /** Any method, body (null for none) and key (null for no Authorization header). */
  public Reply send(String method, String path, String body, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    request.header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpRequest built = request.build();
    if (body == null || body.length() <= 60_000) {
      return sendRaw(built);
    }
    // The server answers a body over its limit with 413 and closes the connection without
    // reading the rest; the client, still sending, may see the connection reset before it reads
    // that answer. Try a few times: the assertion is on the answer when it is read.
    java.io.UncheckedIOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        return sendRaw(built);
      } catch (java.io.UncheckedIOException e) {
        last = e;
      }
    }
    throw last;
  }

  public Reply sendRaw(HttpRequest request) {
    try {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
          throw e;
        }
        // A pooled keep-alive connection closed just as it was reused (no byte of an answer
        // came back): send once more on a fresh one, as browsers do. Seen once in 10,000 calls.
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      }
      JsonNode json = null;
      try {
        json = response.body().isEmpty() ? null : JSON.readTree(response.body());
      } catch (IOException e) {
        // not JSON: leave null, tests assert on it
      }
      return new Reply(response.statusCode(), response.body(), json, response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpClient http() {
    return http;
  }

  public String base() {
    return base;
  }
}
