package dev.podium.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything that defines one {@link TestPeer}; built by {@link TestPeer.Builder}.
 *
 * @param name peer name, used for track and stream ids and in logs
 * @param audio the sent audio track, or {@code null} for none
 * @param video the sent video track, or {@code null} for none
 * @param receiveAudio number of recvonly audio transceivers to add at creation
 * @param receiveVideo number of recvonly video transceivers to add at creation
 * @param operationTimeout limit for each signaling call (createOffer, setAnswer, close)
 * @param minPort lowest local UDP port, or 0 for any
 * @param maxPort highest local UDP port, or 0 for any
 */
public record PeerConfig(
    String name,
    AudioSend audio,
    VideoSend video,
    int receiveAudio,
    int receiveVideo,
    Duration operationTimeout,
    int minPort,
    int maxPort) {

  /** Default limit for each signaling call. */
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(10);

  /** Checks the fields. */
  public PeerConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operationTimeout, "operationTimeout");
    if (name.isBlank() || !name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("peer name must be [A-Za-z0-9_.-]+: '" + name + "'");
    }
    if (receiveAudio < 0 || receiveVideo < 0) {
      throw new IllegalArgumentException("receive counts must be >= 0");
    }
    if (operationTimeout.isNegative() || operationTimeout.isZero()) {
      throw new IllegalArgumentException("operationTimeout must be positive");
    }
    if (minPort < 0 || maxPort < 0 || maxPort > 65_535 || (maxPort != 0 && maxPort < minPort)) {
      throw new IllegalArgumentException("bad port range " + minPort + ".." + maxPort);
    }
  }
}
