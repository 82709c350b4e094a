package dev.podium.media.audio;

import dev.podium.testkit.PcmSource;
import dev.podium.testkit.Tones;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Drives an {@link AudioMixer} with a fake clock and Opus-encoded tone senders. */
final class MixerHarness {

  /** A sender: a tone, an encoder, RTP numbering, and whether it currently sends. */
  static final class Sender {
    final AudioMixerSource source;
    final PcmSource tone;
    final OpusEncoder encoder;
    final short[] pcm = new short[OpusCodecs.FRAME_SAMPLES];
    final byte[] packet = new byte[4_096];
    int seq = 1_000;
    long timestamp = 123_456;
    boolean sending = true;

    Sender(AudioMixerSource source, PcmSource tone, OpusEncoder encoder) {
      this.source = source;
      this.tone = tone;
      this.encoder = encoder;
    }

    /** Encodes the next 20 ms; returns the packet length. */
    int next() {
      tone.fill(pcm);
      int n = encoder.encode(pcm, OpusCodecs.FRAME_SAMPLES, packet);
      seq = (seq + 1) & 0xFFFF;
      timestamp += OpusCodecs.FRAME_SAMPLES;
      return n;
    }
  }

  /** Decodes and keeps everything a listener receives. */
  static final class RecordingSink implements AudioMixerSink {
    private final OpusDecoder decoder;
    private final short[] frame = new short[OpusCodecs.MAX_FRAME_SAMPLES * 2];
    private short[] pcm = new short[48_000];
    int samples;
    int frames;
    int sharedFrames;
    int decodeFailures;
    final int channels;

    RecordingSink(OpusCodecs codecs, int channels) {
      this.decoder = codecs.newDecoder(channels);
      this.channels = channels;
    }

    @Override
    public void onFrame(byte[] payload, int length, long rtpTimestamp48k, boolean shared) {
      frames++;
      if (shared) {
        sharedFrames++;
      }
      int n = decoder.decode(payload, 0, length, frame);
      if (n != OpusCodecs.FRAME_SAMPLES) {
        decodeFailures++;
        return;
      }
      int total = n * channels;
      if (samples + total > pcm.length) {
        pcm = java.util.Arrays.copyOf(pcm, Math.max(pcm.length * 2, samples + total));
      }
      System.arraycopy(frame, 0, pcm, samples, total);
      samples += total;
    }

    /** The last {@code millis} of received audio (first channel when stereo). */
    short[] last(int millis) {
      int perChannel = millis * 48;
      short[] out = new short[perChannel];
      int start = samples - perChannel * channels;
      for (int i = 0; i < perChannel; i++) {
        out[i] = pcm[start + i * channels];
      }
      return out;
    }

    /** Second channel of the last {@code millis} (stereo only). */
    short[] lastRight(int millis) {
      int perChannel = millis * 48;
      short[] out = new short[perChannel];
      int start = samples - perChannel * channels;
      for (int i = 0; i < perChannel; i++) {
        out[i] = pcm[start + i * channels + 1];
      }
      return out;
    }
  }

  final OpusCodecs codecs;
  final AudioMixer mixer;
  final Map<String, Sender> senders = new LinkedHashMap<>();
  final List<int[]> order = new ArrayList<>();
  long now = 1_000_000;

  MixerHarness(AudioMixerConfig config) {
    this(config, OpusCodecs.concentus());
  }

  MixerHarness(AudioMixerConfig config, OpusCodecs codecs) {
    this.codecs = codecs;
    this.mixer = new AudioMixer(config, codecs, () -> now);
  }

  Sender sender(String id, double hz, int amplitude) {
    Sender s =
        new Sender(
            mixer.addSource(id),
            Tones.generator(hz, amplitude),
            codecs.newEncoder(1, AudioMixerConfig.DEFAULT_BITRATE, 5));
    senders.put(id, s);
    return s;
  }

  RecordingSink listener(String id, String ownSourceId) {
    RecordingSink sink = new RecordingSink(codecs, mixer.config().channels());
    mixer.addListener(id, ownSourceId, sink);
    return sink;
  }

  /** Every sending sender delivers its next packet on time, then the mixer ticks. */
  void step() {
    for (Sender s : senders.values()) {
      if (s.sending) {
        int n = s.next();
        s.source.onRtp(s.seq, s.timestamp, s.packet, 0, n, -1, now);
      }
    }
    tick();
  }

  void steps(int n) {
    for (int i = 0; i < n; i++) {
      step();
    }
  }

  void tick() {
    mixer.tick();
    now += 20;
  }
}
