package dev.podium.media.audio;

/**
 * Receives one listener's mixed audio, one Opus packet per 20 ms tick, on the mixer's thread.
 *
 * <p>The caller wraps each packet in RTP with the listener's own SSRC and sequence numbers and
 * SRTP-protects it per connection.
 */
public interface AudioMixerSink {

  /**
   * One 20 ms Opus frame for this listener.
   *
   * @param opusPayload buffer owned by the mixer and reused on the next tick: copy what you keep
   * @param length bytes of {@code opusPayload} that form the packet
   * @param rtpTimestamp48k the mixer's 48 kHz media clock for this frame, the same for every
   *     listener and every encoding, so a listener switching encodings keeps a continuous timeline
   * @param shared true when this is the shared full mix, false for the listener's own mix-minus
   */
  void onFrame(byte[] opusPayload, int length, long rtpTimestamp48k, boolean shared);
}
