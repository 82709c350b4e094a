/**
 * A small metrics registry written out in the Prometheus text exposition format 0.0.4.
 *
 * <p>Hand-written rather than using the Prometheus Java client: the server needs counters with
 * labels and gauges read at scrape time, which is about 150 lines, while the client library would
 * add two dependencies (and their own versions) to the shaded jar for the same output.
 */
package dev.podium.server.metrics;
