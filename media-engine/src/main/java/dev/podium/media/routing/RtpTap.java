package dev.podium.media.routing;

import dev.podium.media.rtp.RtpPacket;

/**
 * Sees every packet of a {@link Producer} (all layers), e.g. the audio mixer's input. Called on the
 * media event loop; the packet is only valid during the call.
 */
@FunctionalInterface
public interface RtpTap {
  void onRtp(int layer, RtpPacket packet);
}
