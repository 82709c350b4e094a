/**
 * Client meeting events: the EventIngestionUrl of every meeting ({@code POST
 * /v1/meetings/{MeetingId}/events}) where the SDK posts batches of its named events (meeting start
 * requested / succeeded / failed, signaling dropped, …) with the attendee's own JoinToken. Batches
 * are checked for size, rate and schema, and accepted events become metrics ({@code
 * podium_client_*} in {@code /metrics}) and one structured log line each. See docs/events.md.
 */
package dev.podium.server.events;
