/**
 * Starting and stopping the server: {@link dev.podium.server.boot.PodiumServer} to embed it (the
 * desktop app, tests), {@link dev.podium.server.boot.PodiumServerMain} for the headless command.
 */
package dev.podium.server.boot;
