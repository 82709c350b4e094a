package dev.podium.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Mutable view over one RTP packet held in a {@link ByteBuf} (RFC 3550 §5.1), with header extension
 * lookup and in-place rewriting (RFC 8285 §4). Nothing is copied: getters read the buffer, setters
 * write it. One instance can be reused per event loop with {@link #reset}.
 *
 * <p>Conventions: the timestamp and the SSRC are unsigned 32-bit values returned in a {@code long}
 * (0..2^32-1), as everywhere in the {@code rtp} and {@code rtcp} packages; sequence numbers and
 * payload types are {@code int}s. Offsets called "index" are absolute buffer indices.
 */
public final class RtpPacket {
  /** Length of the fixed header, without CSRCs (RFC 3550 §5.1). */
  public static final int FIXED_HEADER_LENGTH = 12;

  /** "defined by profile" value of the one-byte extension form (RFC 8285 §4.2). */
  public static final int ONE_BYTE_PROFILE = 0xBEDE;

  /** "defined by profile" value of the two-byte form, ignoring its 4 appbits (RFC 8285 §4.3). */
  public static final int TWO_BYTE_PROFILE = 0x1000;

  /** Returned by {@link #findExtension} when the element is absent. */
  public static final long NOT_FOUND = -1L;

  private ByteBuf buf;
  private int offset;
  private int length;
  private int headerLength;
  private int paddingLength;
  private int extensionProfile = -1;
  private int extensionStart;
  private int extensionEnd;

  /** Wraps the readable bytes of {@code buf}; null when they are not a well-formed RTP packet. */
  public static RtpPacket wrap(ByteBuf buf) {
    RtpPacket packet = new RtpPacket();
    return packet.reset(buf) ? packet : null;
  }

  /**
   * Points this view at the readable bytes of {@code b}. Returns false (and leaves the view empty)
   * when the version is not 2, the CSRC list or extension block runs past the end, or the padding
   * count is 0 or larger than what follows the header.
   */
  public boolean reset(ByteBuf b) {
    clear();
    int off = b.readerIndex();
    int len = b.readableBytes();
    if (len < FIXED_HEADER_LENGTH) {
      return false;
    }
    int b0 = b.getUnsignedByte(off);
    if ((b0 >>> 6) != 2) {
      return false;
    }
    int header = FIXED_HEADER_LENGTH + 4 * (b0 & 0x0F);
    int profile = -1;
    int extStart = 0;
    if ((b0 & 0x10) != 0) {
      if (header + 4 > len) {
        return false;
      }
      profile = b.getUnsignedShort(off + header);
      extStart = off + header + 4;
      header += 4 + 4 * b.getUnsignedShort(off + header + 2);
    }
    if (header > len) {
      return false;
    }
    int padding = 0;
    if ((b0 & 0x20) != 0) {
      padding = b.getUnsignedByte(off + len - 1);
      if (padding == 0 || header + padding > len) {
        return false;
      }
    }
    buf = b;
    offset = off;
    length = len;
    headerLength = header;
    paddingLength = padding;
    extensionProfile = profile;
    extensionStart = extStart;
    extensionEnd = off + header;
    return true;
  }

  /** Drops the reference to the buffer (does not release it). */
  public void clear() {
    buf = null;
    offset = length = headerLength = paddingLength = extensionStart = extensionEnd = 0;
    extensionProfile = -1;
  }

  public ByteBuf buffer() {
    return buf;
  }

  /** Index of the first byte of the packet in {@link #buffer()}. */
  public int offset() {
    return offset;
  }

  /** Whole packet length including padding. */
  public int length() {
    return length;
  }

  public int version() {
    return buf.getUnsignedByte(offset) >>> 6;
  }

  public boolean hasPadding() {
    return (buf.getByte(offset) & 0x20) != 0;
  }

  public boolean hasExtension() {
    return (buf.getByte(offset) & 0x10) != 0;
  }

  public int csrcCount() {
    return buf.getByte(offset) & 0x0F;
  }

  /** The {@code i}-th contributing source, unsigned. */
  public long csrc(int i) {
    return buf.getUnsignedInt(offset + FIXED_HEADER_LENGTH + 4 * i);
  }

  public boolean marker() {
    return (buf.getByte(offset + 1) & 0x80) != 0;
  }

  public int payloadType() {
    return buf.getByte(offset + 1) & 0x7F;
  }

  public int sequenceNumber() {
    return buf.getUnsignedShort(offset + 2);
  }

  public long timestamp() {
    return buf.getUnsignedInt(offset + 4);
  }

  public long ssrc() {
    return buf.getUnsignedInt(offset + 8);
  }

  /** Fixed header + CSRCs + extension block. */
  public int headerLength() {
    return headerLength;
  }

  /** Index of the first payload byte in {@link #buffer()}. */
  public int payloadOffset() {
    return offset + headerLength;
  }

  /** Payload length, excluding padding. */
  public int payloadLength() {
    return length - headerLength - paddingLength;
  }

  /** Number of padding bytes at the end, including the count octet; 0 without the P bit. */
  public int paddingLength() {
    return paddingLength;
  }

  /** A derived (not copied, not retained) slice of the payload. */
  public ByteBuf payload() {
    return buf.slice(payloadOffset(), payloadLength());
  }

  public void setMarker(boolean marker) {
    int b1 = buf.getByte(offset + 1);
    buf.setByte(offset + 1, marker ? (b1 | 0x80) : (b1 & 0x7F));
  }

  public void setPayloadType(int payloadType) {
    buf.setByte(offset + 1, (buf.getByte(offset + 1) & 0x80) | (payloadType & 0x7F));
  }

  public void setSequenceNumber(int seq) {
    buf.setShort(offset + 2, seq);
  }

  public void setTimestamp(long timestamp) {
    buf.setInt(offset + 4, (int) timestamp);
  }

  public void setSsrc(long ssrc) {
    buf.setInt(offset + 8, (int) ssrc);
  }

  /** The extension block's profile value (0xBEDE, 0x100X, ...), or -1 without an extension. */
  public int extensionProfile() {
    return extensionProfile;
  }

  /**
   * Locates extension element {@code id}: {@code (index << 32) | length} of its value (decode with
   * {@link #extensionIndex} / {@link #extensionLength}), or {@link #NOT_FOUND}. Allocation-free.
   */
  public long findExtension(int id) {
    return id <= 0 ? NOT_FOUND : RtpExtensionScanner.scan(this, id, null);
  }

  /** Calls {@code visitor} for each well-formed element; stops quietly at the first bad one. */
  public void forEachExtension(RtpExtensionVisitor visitor) {
    RtpExtensionScanner.scan(this, 0, visitor);
  }

  /** Buffer index of a value located by {@link #findExtension}. */
  public static int extensionIndex(long slot) {
    return (int) (slot >>> 32);
  }

  /** Length of a value located by {@link #findExtension}. */
  public static int extensionLength(long slot) {
    return (int) slot;
  }

  /**
   * Overwrites the value of element {@code id} in place with the low bytes of {@code value},
   * big-endian over the element's existing length (1..8 bytes). False when absent or longer.
   */
  public boolean setExtensionValue(int id, long value) {
    long slot = findExtension(id);
    int len = extensionLength(slot);
    if (slot == NOT_FOUND || len == 0 || len > 8) {
      return false;
    }
    int index = extensionIndex(slot);
    for (int i = len - 1; i >= 0; i--) {
      buf.setByte(index + i, (int) value);
      value >>>= 8;
    }
    return true;
  }

  /**
   * Overwrites the value of element {@code id} in place; false unless it exists with the same
   * length.
   */
  public boolean setExtensionBytes(int id, byte[] value) {
    long slot = findExtension(id);
    if (slot == NOT_FOUND || extensionLength(slot) != value.length) {
      return false;
    }
    buf.setBytes(extensionIndex(slot), value);
    return true;
  }

  int extensionStart() {
    return extensionStart;
  }

  int extensionEnd() {
    return extensionEnd;
  }
}
