package dev.podium.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.server.metrics.Counter;
import dev.podium.server.metrics.MetricsRegistry;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the control API: throttles per client address, checks the API key, serves {@code
 * /healthz} and {@code /metrics}, delegates the rest to {@link ControlApi}, and turns every refusal
 * into a JSON error. Never puts a stack trace in a response.
 */
@ChannelHandler.Sharable
public final class ApiHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(ApiHttpHandler.class);
  private static final String JSON = "application/json";

  private final ControlApi api;
  private final ApiKeyVerifier apiKey;
  private final MetricsRegistry metrics;
  private final Counter requests;
  private final RateLimiter<InetAddress> calls;
  private final RateLimiter<InetAddress> failedAuth;
  private final RateLimiter<InetAddress> audienceCalls;

  /** Viewers arriving through an audience link, per address: a burst, then a steady rate. */
  static final int AUDIENCE_BURST = 20;

  static final double AUDIENCE_PER_SECOND = 5;
  private final RateLimitSettings limits;
  private volatile ClientEventIngestion eventIngestion;

  public ApiHttpHandler(
      ControlApi api, ApiKeyVerifier apiKey, RateLimitSettings limits, MetricsRegistry metrics) {
    this.api = Objects.requireNonNull(api, "api");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.requests =
        metrics.counter(
            "podium_http_requests_total", "HTTP requests answered, by status code", "status");
    this.calls = new RateLimiter<>(limits.burst(), limits.perSecond(), System::nanoTime);
    this.audienceCalls = new RateLimiter<>(AUDIENCE_BURST, AUDIENCE_PER_SECOND, System::nanoTime);
    this.failedAuth =
        new RateLimiter<>(limits.failedAuthBurst(), limits.failedAuthPerSecond(), System::nanoTime);
  }

  /** Serves the EventIngestionUrl with {@code ingestion} (null: such paths answer 404). */
  public void setEventIngestion(ClientEventIngestion ingestion) {
    this.eventIngestion = ingestion;
  }

  /** Counts a response answered outside this handler (e.g. 413 by the aggregator). */
  void countResponse(HttpResponseStatus status) {
    requests.inc(Integer.toString(status.code()));
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    long start = System.nanoTime();
    String path = new QueryStringDecoder(request.uri()).path();
    FullHttpResponse response;
    try {
      response = serve(ctx, request, path);
    } catch (ApiException e) {
      response = json(e.status(), ApiJson.error(e.code(), e.getMessage()));
    } catch (MethodNotAllowedException e) {
      response =
          json(
              HttpResponseStatus.METHOD_NOT_ALLOWED,
              ApiJson.error("MethodNotAllowed", e.getMessage()));
      response.headers().set(HttpHeaderNames.ALLOW, e.allow());
    } catch (RuntimeException e) {
      log.error("Unexpected failure serving {} {}", request.method(), path, e);
      response =
          json(
              HttpResponseStatus.INTERNAL_SERVER_ERROR,
              ApiJson.error("InternalFailure", "the server failed to process the request"));
    }
    countResponse(response.status());
    boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
    HttpUtil.setKeepAlive(response, keepAlive);
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {} -> {} in {} µs",
          request.method(),
          path.length() > 120 ? path.substring(0, 120) + "…" : path,
          response.status().code(),
          (System.nanoTime() - start) / 1000);
    }
    ctx.writeAndFlush(response);
  }

  private FullHttpResponse serve(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
    if (request.decoderResult().isFailure()) {
      throw ApiException.badRequest("the HTTP request line or headers are malformed or too long");
    }
    HttpMethod method = request.method();
    if (path.equals("/healthz")) {
      requireGet(method, path);
      return json(HttpResponseStatus.OK, ApiJson.object().put("status", "ok"));
    }
    InetAddress client = clientAddress(ctx);
    if (!calls.tryAcquire(client)) {
      throw throttled(
          "too many requests from this address: at most "
              + limits.burst()
              + " at once and "
              + (long) limits.perSecond()
              + " per second");
    }
    if (path.equals("/metrics")) {
      if (!client.isLoopbackAddress()) {
        authorize(request, client);
      }
      requireGet(method, path);
      FullHttpResponse response =
          response(
              HttpResponseStatus.OK,
              metrics.scrape().getBytes(StandardCharsets.UTF_8),
              MetricsRegistry.contentType());
      return response;
    }
    ClientEventIngestion ingestion = eventIngestion;
    String eventsMeeting = ingestion == null ? null : ClientEventIngestion.meetingIdOf(path);
    if (eventsMeeting != null) {
      // Clients' meeting events: authenticated by the attendee's JoinToken, not the API key.
      if (!method.equals(HttpMethod.POST)) {
        throw new MethodNotAllowedException(method.name(), path, "POST");
      }
      ApiResponse accepted =
          ingestion.ingest(
              eventsMeeting,
              request.headers().get(HttpHeaderNames.AUTHORIZATION),
              client,
              ByteBufUtil.getBytes(request.content()));
      return json(accepted.status(), accepted.body());
    }
    if (path.startsWith(ServerUrls.AUDIENCE_PATH)) {
      // Public: viewers arrive without the API key, so they get the stricter limiter.
      if (!audienceCalls.tryAcquire(client)) {
        throw throttled(
            "too many audience requests from this address: at most "
                + AUDIENCE_BURST
                + " at once and "
                + (long) AUDIENCE_PER_SECOND
                + " per second");
      }
      ApiResponse seat =
          api.handleAudience(method, request.uri(), ByteBufUtil.getBytes(request.content()));
      return json(seat.status(), seat.body());
    }
    authorize(request, client);
    byte[] body = ByteBufUtil.getBytes(request.content());
    ApiResponse result = api.handle(method, request.uri(), body);
    if (result.body() == null) {
      return response(result.status(), new byte[0], null);
    }
    return json(result.status(), result.body());
  }

  private void authorize(FullHttpRequest request, InetAddress client) {
    String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (header == null) {
      failedAuth(client);
      throw new ApiException(
          HttpResponseStatus.UNAUTHORIZED,
          "Unauthorized",
          "the Authorization header is required: Authorization: Bearer <api key>");
    }
    if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      failedAuth(client);
      throw new ApiException(
          HttpResponseStatus.UNAUTHORIZED,
          "Unauthorized",
          "the Authorization header must use the Bearer scheme: Authorization: Bearer <api key>");
    }
    if (!apiKey.matches(header.substring(7).trim())) {
      failedAuth(client);
      throw new ApiException(
          HttpResponseStatus.FORBIDDEN, "Forbidden", "the API key in Authorization is not valid");
    }
  }

  private void failedAuth(InetAddress client) {
    if (!failedAuth.tryAcquire(client)) {
      throw throttled(
          "too many calls with a missing or wrong API key from this address: at most "
              + limits.failedAuthBurst()
              + " at once and "
              + limits.failedAuthPerSecond()
              + " per second");
    }
  }

  private static ApiException throttled(String message) {
    return new ApiException(HttpResponseStatus.TOO_MANY_REQUESTS, "Throttling", message);
  }

  private static void requireGet(HttpMethod method, String path) {
    if (!method.equals(HttpMethod.GET)) {
      throw new MethodNotAllowedException(method.name(), path, "GET");
    }
  }

  private static InetAddress clientAddress(ChannelHandlerContext ctx) {
    if (ctx.channel().remoteAddress() instanceof InetSocketAddress address
        && address.getAddress() != null) {
      return address.getAddress();
    }
    return InetAddress.getLoopbackAddress();
  }

  static FullHttpResponse json(HttpResponseStatus status, JsonNode body) {
    try {
      return response(status, ControlApi.MAPPER.writeValueAsBytes(body), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  private static FullHttpResponse response(
      HttpResponseStatus status, byte[] body, String contentType) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    if (contentType != null) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
    return response;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug(
        "HTTP connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
