package dev.podium.media.audio;

import dev.podium.media.routing.Producer;
import dev.podium.media.routing.RtpTap;
import dev.podium.media.session.MediaSession;
import io.netty.channel.EventLoop;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A meeting's audio: an {@link AudioMixer} fed by taps on the speakers' audio producers and heard
 * by listeners on their connections' audio downlinks, ticked every 20 ms on the media event loop.
 * Speakers and listeners are keyed by the caller's ids (Podium uses attendee ids), so "own voice"
 * is the speaker with the listener's own id. All methods may be called from any thread; they hop
 * onto the loop.
 */
public final class MeetingAudio implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MeetingAudio.class);
  private static final long TICK_MILLIS = 20;

  private final AudioMixer mixer;
  private final EventLoop loop;
  private final Map<Producer, Tap> taps = new HashMap<>();
  private final Map<String, Integer> producersPerSource = new HashMap<>();
  private final Map<String, Boolean> muted = new HashMap<>();
  private final ScheduledFuture<?> ticker;
  private boolean closed;

  public MeetingAudio(AudioMixer mixer, EventLoop loop) {
    this.mixer = mixer;
    this.loop = loop;
    this.ticker =
        loop.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  public AudioMixer mixer() {
    return mixer;
  }

  /**
   * Encodes and decodes a second of noise so the first meeting's first ticks are not slowed by
   * class loading and JIT (the codec decision record measured 1–4 ms per cold encode).
   */
  public static void warmUp(OpusCodecs codecs) {
    OpusEncoder encoder = codecs.newEncoder(1, AudioMixerConfig.DEFAULT_BITRATE, 5);
    OpusDecoder decoder = codecs.newDecoder(1);
    java.util.Random random = new java.util.Random(1);
    short[] pcm = new short[960];
    byte[] packet = new byte[1500];
    for (int frame = 0; frame < 50; frame++) {
      for (int i = 0; i < pcm.length; i++) {
        pcm[i] = (short) (random.nextGaussian() * 3000);
      }
      int length = encoder.encode(pcm, pcm.length, packet);
      if (length > 0) {
        decoder.decode(packet, 0, length, pcm);
      }
    }
  }

  private void tick() {
    if (closed) {
      return;
    }
    try {
      mixer.tick();
    } catch (RuntimeException e) {
      log.warn("audio mixer tick failed", e);
    }
  }

  /** Mixes {@code producer}'s audio as speaker {@code sourceId}. */
  public void addSpeaker(Producer producer, String sourceId) {
    loop.execute(
        () -> {
          if (closed || taps.containsKey(producer) || producer.isClosed()) {
            return;
          }
          AudioMixerSource source = mixer.source(sourceId);
          if (source == null) {
            source = mixer.addSource(sourceId);
            source.setMuted(muted.getOrDefault(sourceId, false));
          }
          Tap tap = new Tap(source);
          taps.put(producer, tap);
          producersPerSource.merge(sourceId, 1, Integer::sum);
          producer.addTap(tap);
        });
  }

  public void removeSpeaker(Producer producer) {
    loop.execute(
        () -> {
          Tap tap = taps.remove(producer);
          if (tap == null) {
            return;
          }
          producer.removeTap(tap);
          String sourceId = tap.source.id();
          if (producersPerSource.merge(sourceId, -1, Integer::sum) <= 0) {
            producersPerSource.remove(sourceId);
            mixer.removeSource(sourceId);
          }
        });
  }

  /** Server-side or self mute of a speaker: not mixed while muted. */
  public void setMuted(String sourceId, boolean isMuted) {
    loop.execute(
        () -> {
          muted.put(sourceId, isMuted);
          AudioMixerSource source = mixer.source(sourceId);
          if (source != null) {
            source.setMuted(isMuted);
          }
        });
  }

  /**
   * {@code session} hears the mix on its audio downlink, minus {@code ownSourceId}'s voice (null
   * for a pure listener). Calling again updates the own source (promotion, demotion).
   */
  public void addListener(MediaSession session, String ownSourceId) {
    loop.execute(
        () -> {
          if (closed) {
            return;
          }
          mixer.removeListener(session.id());
          mixer.addListener(
              session.id(),
              ownSourceId,
              (payload, length, rtpTimestamp, shared) ->
                  session.sendAudioDownlinkFrame(payload, length, rtpTimestamp));
        });
  }

  public void removeListener(MediaSession session) {
    loop.execute(() -> mixer.removeListener(session.id()));
  }

  /** Stops ticking and detaches from every producer. Idempotent. */
  @Override
  public void close() {
    ticker.cancel(false);
    loop.execute(
        () -> {
          if (closed) {
            return;
          }
          closed = true;
          taps.forEach(Producer::removeTap);
          taps.clear();
          mixer.close();
        });
  }

  /** Feeds one producer's packets into its mixer source. */
  private static final class Tap implements RtpTap {
    private final AudioMixerSource source;

    Tap(AudioMixerSource source) {
      this.source = source;
    }

    @Override
    public void onRtp(int layer, dev.podium.media.rtp.RtpPacket packet) {
      if (packet.payloadLength() == 0) {
        return;
      }
      source.onRtp(
          packet.sequenceNumber(),
          packet.timestamp(),
          packet.payload(),
          -1,
          System.currentTimeMillis());
    }
  }
}
