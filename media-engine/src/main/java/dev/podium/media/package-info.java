/** The media plane of Podium: transport, routing and audio; knows nothing of meetings. */
package dev.podium.media;
