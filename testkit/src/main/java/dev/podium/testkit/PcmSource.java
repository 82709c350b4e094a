package dev.podium.testkit;

/**
 * Supplies the PCM a {@link TestPeer} sends: 48 kHz, mono, signed 16-bit samples, asked for in 10
 * ms blocks of {@value #SAMPLES_PER_BLOCK} samples.
 *
 * <p>Called on the environment's audio pump thread only, so an implementation may keep state
 * (phase, position) without locking. It must return quickly and never block.
 */
@FunctionalInterface
public interface PcmSource {

  /** Sample rate of every block, in Hz. */
  int SAMPLE_RATE = 48_000;

  /** Samples in one 10 ms block. */
  int SAMPLES_PER_BLOCK = SAMPLE_RATE / 100;

  /**
   * Fills the next 10 ms of audio.
   *
   * @param block array of {@link #SAMPLES_PER_BLOCK} samples to overwrite
   */
  void fill(short[] block);

  /** A source of digital silence. */
  static PcmSource silence() {
    return block -> java.util.Arrays.fill(block, (short) 0);
  }
}
