/** The Podium meeting service: control API, signaling, meetings, replication. */
package dev.podium.server;
