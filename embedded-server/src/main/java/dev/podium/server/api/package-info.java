/**
 * The control API: Chime-shaped HTTP + JSON calls for the host's application, on Netty. One
 * pipeline ({@link dev.podium.server.api.HttpServerInitializer}), one handler ({@link
 * dev.podium.server.api.ApiHttpHandler}) for auth, throttling and error mapping, and {@link
 * dev.podium.server.api.ControlApi} for the routes.
 */
package dev.podium.server.api;
