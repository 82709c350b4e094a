package dev.podium.server.signaling;

import dev.podium.media.audio.OpusCodecs;
import dev.podium.media.audio.OpusDecoder;
import dev.podium.media.routing.RtpTap;
import dev.podium.media.rtp.RtpPacket;
import dev.podium.media.rtp.SequenceNumbers;
import dev.podium.server.transcription.TranscriptionService;

/**
 * Feeds one speaker's audio to live captions: decodes the speaker's own Opus packets in order, on
 * the media loop, with its own decoder. Unlike the mixer, it has no playout deadline, so a packet
 * that arrives late is still heard by the recogniser (a late packet costs the mix a concealed
 * frame, but would cost a caption a word). Lost packets are concealed (at most a few). Frame times
 * follow the RTP clock, so bursty arrival does not stretch or squeeze the speech.
 */
final class CaptionFeed implements RtpTap {
  private static final int MAX_CONCEALED = 5;

  private final String attendeeId;
  private final String externalUserId;
  private final TranscriptionService service;
  private final OpusDecoder decoder = OpusCodecs.concentus().newDecoder(1);
  private final short[] pcm = new short[OpusCodecs.MAX_FRAME_SAMPLES];
  private byte[] payload = new byte[1500];
  private int lastSeq = -1;
  private long firstTimestamp;
  private long firstArrivalMillis;

  CaptionFeed(String attendeeId, String externalUserId, TranscriptionService service) {
    this.attendeeId = attendeeId;
    this.externalUserId = externalUserId;
    this.service = service;
  }

  @Override
  public void onRtp(int layer, RtpPacket packet) {
    int length = packet.payloadLength();
    if (length == 0) {
      return;
    }
    int seq = packet.sequenceNumber();
    if (lastSeq >= 0) {
      int gap = SequenceNumbers.diff(seq, lastSeq);
      if (gap <= 0) {
        return; // duplicate or too late: already concealed
      }
      for (int i = 1; i < gap && i <= MAX_CONCEALED; i++) {
        deliver(decoder.decodeLost(pcm), packet.timestamp() - (long) (gap - i) * 960);
      }
    } else {
      firstTimestamp = packet.timestamp();
      firstArrivalMillis = System.currentTimeMillis();
    }
    lastSeq = seq;
    if (payload.length < length) {
      payload = new byte[length];
    }
    packet.buffer().getBytes(packet.payloadOffset(), payload, 0, length);
    deliver(decoder.decode(payload, 0, length, pcm), packet.timestamp());
  }

  private void deliver(int samples, long rtpTimestamp) {
    if (samples <= 0) {
      return;
    }
    long millis = firstArrivalMillis + ((rtpTimestamp - firstTimestamp) & 0xFFFF_FFFFL) / 48;
    service.onSpeakerAudio(attendeeId, externalUserId, pcm, samples, millis);
  }
}
