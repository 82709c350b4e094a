package dev.podium.media.feedback;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The recently received packets of one stream, by RTP sequence number, so lost packets can be sent
 * again (RFC 4585 §6.2.1 NACK, answered plainly or as RFC 4588 RTX). A ring of {@link #CAPACITY}
 * reusable byte arrays: storing copies the packet, nothing is allocated in steady state. Entries
 * older than {@link #MAX_AGE_MILLIS} are not returned. Not thread-safe.
 */
public final class RtpPacketCache {
  /** Slots in the ring: 2-5 s of a 360p-720p stream. */
  public static final int CAPACITY = 512;

  /** A packet older than this is not worth resending. */
  public static final long MAX_AGE_MILLIS = 1_500;

  private static final int MAX_PACKET = 1500;

  private final byte[][] data = new byte[CAPACITY][];
  private final int[] lengths = new int[CAPACITY];
  private final int[] sequences = new int[CAPACITY];
  private final long[] storedMillis = new long[CAPACITY];

  /** Copies the RTP packet at {@code buf[index, index + length)} under {@code sequenceNumber}. */
  public void store(int sequenceNumber, ByteBuf buf, int index, int length, long nowMillis) {
    if (length > MAX_PACKET) {
      return;
    }
    int slot = sequenceNumber & (CAPACITY - 1);
    if (data[slot] == null) {
      data[slot] = new byte[MAX_PACKET];
    }
    buf.getBytes(index, data[slot], 0, length);
    lengths[slot] = length;
    sequences[slot] = sequenceNumber & 0xFFFF;
    storedMillis[slot] = nowMillis;
  }

  /** Whether {@code sequenceNumber} is stored and fresh. */
  public boolean contains(int sequenceNumber, long nowMillis) {
    int slot = sequenceNumber & (CAPACITY - 1);
    return lengths[slot] > 0
        && sequences[slot] == (sequenceNumber & 0xFFFF)
        && nowMillis - storedMillis[slot] <= MAX_AGE_MILLIS;
  }

  /**
   * A buffer over the stored packet (shares the cache's array: read it before the next {@link
   * #store}), or null when it is not stored or too old.
   */
  public ByteBuf get(int sequenceNumber, long nowMillis) {
    if (!contains(sequenceNumber, nowMillis)) {
      return null;
    }
    int slot = sequenceNumber & (CAPACITY - 1);
    return Unpooled.wrappedBuffer(data[slot], 0, lengths[slot]);
  }
}
