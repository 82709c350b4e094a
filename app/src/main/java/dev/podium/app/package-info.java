/** The Podium desktop application and its client SDK. */
package dev.podium.app;
