package dev.podium.testkit;

import java.util.Objects;

/**
 * Options of a peer's sent audio track: where its PCM comes from.
 *
 * @param source the PCM to send (48 kHz mono 16-bit, see {@link PcmSource})
 * @param label a human readable description used in logs (e.g. "tone 440 Hz")
 */
public record AudioSend(PcmSource source, String label) {

  /** Checks the fields. */
  public AudioSend {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(label, "label");
  }

  /** Sends a continuous sine tone of {@code hz} at about -12 dBFS. */
  public static AudioSend tone(double hz) {
    return new AudioSend(Tones.generator(hz, Tones.DEFAULT_AMPLITUDE), "tone " + hz + " Hz");
  }
}
