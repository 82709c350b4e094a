/**
 * Server-side audio: Opus codec wrappers and the per-meeting mix-minus mixer.
 *
 * <p>Everything here is confined to the owning router's event loop: no locks, no per-packet
 * allocation, no exceptions on the data path (results and counters instead).
 */
package dev.podium.media.audio;
