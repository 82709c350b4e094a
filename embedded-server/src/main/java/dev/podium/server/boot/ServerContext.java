package dev.podium.server.boot;

import dev.podium.server.meeting.MeetingService;
import dev.podium.server.metrics.MetricsRegistry;

/** What a pipeline extension (the signaling layer) gets from the server it is added to. */
public record ServerContext(
    ServerConfig config, MeetingService meetings, MetricsRegistry metrics) {}
