/** Durable state of the meeting service: an embedded H2 database through plain JDBC. */
package dev.podium.server.store;
