package dev.podium.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Arrays;

/**
 * A reusable, ordered list of header extension elements to put on a rebuilt RTP packet (RFC 8285
 * §4): used when forwarding a publisher's packet with the subscriber's extension ids, dropping the
 * extensions the subscriber did not negotiate and adding new ones. Values are copied into an
 * internal scratch area, so the set never holds references to packet buffers. Not thread-safe.
 *
 * <p>The one-byte form is written when every id is 1..14 and every value 1..16 bytes long,
 * otherwise the two-byte form (ids 1..255, values 0..255 bytes).
 */
public final class RtpExtensionSet {
  /** Spare capacity left after a rebuilt packet so SRTP can append its auth tag in place. */
  public static final int SRTP_TAILROOM = 16;

  private int count;
  private int[] ids = new int[8];
  private int[] starts = new int[8];
  private int[] lengths = new int[8];
  private byte[] values = new byte[256];
  private int used;

  private RtpExtensionMap mapFrom;
  private RtpExtensionMap mapTo;
  private final RtpExtensionVisitor remapper = this::addRemapped;

  /** Empties the set for reuse. */
  public void clear() {
    count = 0;
    used = 0;
  }

  public int size() {
    return count;
  }

  public boolean contains(int id) {
    return indexOf(id) >= 0;
  }

  /**
   * Adds element {@code id} with a copy of {@code value}; false if id/length invalid or a
   * duplicate.
   */
  public boolean add(int id, byte[] value) {
    if (!admissible(id, value.length)) {
      return false;
    }
    ensureValueRoom(value.length);
    System.arraycopy(value, 0, values, used, value.length);
    append(id, value.length);
    return true;
  }

  /**
   * Adds element {@code id} with a copy of {@code length} bytes of {@code src} at {@code index}.
   */
  public boolean add(int id, ByteBuf src, int index, int length) {
    if (!admissible(id, length)) {
      return false;
    }
    ensureValueRoom(length);
    src.getBytes(index, values, used, length);
    append(id, length);
    return true;
  }

  /** Removes element {@code id}; false if absent. */
  public boolean remove(int id) {
    int i = indexOf(id);
    if (i < 0) {
      return false;
    }
    int tail = count - i - 1;
    System.arraycopy(ids, i + 1, ids, i, tail);
    System.arraycopy(starts, i + 1, starts, i, tail);
    System.arraycopy(lengths, i + 1, lengths, i, tail);
    count--;
    return true;
  }

  /**
   * Adds every extension of {@code packet} whose URI under {@code from} is also negotiated in
   * {@code to}, renumbered with the id from {@code to}; the others are dropped.
   */
  public void addMapped(RtpPacket packet, RtpExtensionMap from, RtpExtensionMap to) {
    mapFrom = from;
    mapTo = to;
    try {
      packet.forEachExtension(remapper);
    } finally {
      mapFrom = null;
      mapTo = null;
    }
  }

  /** True when the set will be written in the one-byte form. */
  public boolean fitsOneByteForm() {
    for (int i = 0; i < count; i++) {
      if (ids[i] > 14 || lengths[i] < 1 || lengths[i] > 16) {
        return false;
      }
    }
    return true;
  }

  /** Bytes of the extension block, its 4-byte header included; 0 for an empty set. */
  public int blockLength() {
    if (count == 0) {
      return 0;
    }
    int perElement = fitsOneByteForm() ? 1 : 2;
    int body = 0;
    for (int i = 0; i < count; i++) {
      body += perElement + lengths[i];
    }
    return 4 + ((body + 3) & ~3);
  }

  /**
   * Writes a copy of {@code packet} into a new buffer from {@code alloc} whose extension block is
   * this set (X bit cleared when empty). Fixed header, CSRCs, payload and padding are copied as is.
   * The caller owns the returned buffer.
   */
  public ByteBuf rebuild(RtpPacket packet, ByteBufAllocator alloc) {
    ByteBuf src = packet.buffer();
    int fixed = RtpPacket.FIXED_HEADER_LENGTH + 4 * packet.csrcCount();
    int tail = packet.length() - packet.headerLength();
    int block = blockLength();
    ByteBuf out = alloc.buffer(fixed + block + tail + SRTP_TAILROOM);
    out.writeBytes(src, packet.offset(), fixed);
    int first = out.getUnsignedByte(out.readerIndex());
    out.setByte(out.readerIndex(), block == 0 ? first & ~0x10 : first | 0x10);
    if (block > 0) {
      writeBlock(out, block);
    }
    out.writeBytes(src, packet.payloadOffset(), tail);
    return out;
  }

  private void writeBlock(ByteBuf out, int block) {
    boolean oneByte = fitsOneByteForm();
    out.writeShort(oneByte ? RtpPacket.ONE_BYTE_PROFILE : RtpPacket.TWO_BYTE_PROFILE);
    out.writeShort((block - 4) / 4);
    int written = 0;
    for (int i = 0; i < count; i++) {
      if (oneByte) {
        out.writeByte((ids[i] << 4) | (lengths[i] - 1));
        written += 1;
      } else {
        out.writeByte(ids[i]);
        out.writeByte(lengths[i]);
        written += 2;
      }
      out.writeBytes(values, starts[i], lengths[i]);
      written += lengths[i];
    }
    out.writeZero(block - 4 - written);
  }

  private void addRemapped(int id, ByteBuf buf, int index, int length) {
    int target = mapTo.id(mapFrom.uri(id));
    if (target > 0) {
      add(target, buf, index, length);
    }
  }

  private boolean admissible(int id, int length) {
    return id >= 1 && id <= 255 && length >= 0 && length <= 255 && indexOf(id) < 0;
  }

  private int indexOf(int id) {
    for (int i = 0; i < count; i++) {
      if (ids[i] == id) {
        return i;
      }
    }
    return -1;
  }

  private void ensureValueRoom(int length) {
    if (used + length > values.length) {
      values = Arrays.copyOf(values, Math.max(values.length * 2, used + length));
    }
  }

  private void append(int id, int length) {
    if (count == ids.length) {
      ids = Arrays.copyOf(ids, count * 2);
      starts = Arrays.copyOf(starts, count * 2);
      lengths = Arrays.copyOf(lengths, count * 2);
    }
    ids[count] = id;
    starts[count] = used;
    lengths[count] = length;
    used += length;
    count++;
  }
}
