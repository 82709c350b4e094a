package dev.podium.media.session;

import dev.podium.media.routing.Producer;
import java.util.List;
import java.util.Map;

/**
 * Result of answering one offer: the SDP answer, the sources this connection publishes (by mid),
 * and the SSRC the server sends on each bound receive m-line.
 */
public record Negotiation(
    String answerSdp, Map<String, Producer> producersByMid, Map<String, Long> sendSsrcByMid) {

  public Negotiation {
    producersByMid = Map.copyOf(producersByMid);
    sendSsrcByMid = Map.copyOf(sendSsrcByMid);
  }

  public List<Producer> producers() {
    return List.copyOf(producersByMid.values());
  }
}
