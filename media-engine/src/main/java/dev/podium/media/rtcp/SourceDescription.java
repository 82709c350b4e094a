package dev.podium.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Source description, PT 202 (RFC 3550 §6.5): up to 31 chunks, each an SSRC with items such as
 * CNAME. Item text is UTF-8 (PRIV items are carried as text too, prefix included).
 */
public record SourceDescription(List<SourceDescription.Chunk> chunks) implements RtcpPacket {
  public static final int CNAME = 1;
  public static final int NAME = 2;
  public static final int EMAIL = 3;
  public static final int PHONE = 4;
  public static final int LOC = 5;
  public static final int TOOL = 6;
  public static final int NOTE = 7;
  public static final int PRIV = 8;

  /** One SDES item: type 1..255 and at most 255 bytes of UTF-8 text. */
  public record Item(int type, String text) {
    public Item {
      if (type < 1 || type > 255) {
        throw new IllegalArgumentException("SDES item type out of 1..255: " + type);
      }
      if (text.getBytes(StandardCharsets.UTF_8).length > 255) {
        throw new IllegalArgumentException("SDES item longer than 255 bytes");
      }
    }
  }

  /** The items describing one source. */
  public record Chunk(long ssrc, List<Item> items) {
    public Chunk {
      items = List.copyOf(items);
    }

    /** Chunk size: SSRC, items, at least one terminating null octet, padded to 32 bits. */
    int length() {
      int length = 4;
      for (Item item : items) {
        length += 2 + item.text().getBytes(StandardCharsets.UTF_8).length;
      }
      return RtcpHeader.padTo4(length + 1);
    }
  }

  public SourceDescription {
    chunks = List.copyOf(chunks);
    RtcpHeader.checkCount(chunks.size(), "SDES chunks");
  }

  /** A one-chunk SDES carrying only a CNAME, the common case (RFC 3550 §6.5.1). */
  public static SourceDescription cname(long ssrc, String cname) {
    return new SourceDescription(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
  }

  @Override
  public int length() {
    int length = RtcpHeader.LENGTH;
    for (Chunk chunk : chunks) {
      length += chunk.length();
    }
    return length;
  }

  @Override
  public void writeTo(ByteBuf out) {
    RtcpHeader.write(out, chunks.size(), RtcpHeader.SOURCE_DESCRIPTION, length());
    for (Chunk chunk : chunks) {
      int start = out.writerIndex();
      out.writeInt((int) chunk.ssrc());
      for (Item item : chunk.items()) {
        byte[] text = item.text().getBytes(StandardCharsets.UTF_8);
        out.writeByte(item.type());
        out.writeByte(text.length);
        out.writeBytes(text);
      }
      out.writeZero(chunk.length() - (out.writerIndex() - start));
    }
  }

  /** Parses the packet at {@code index} of {@code length} bytes; null when a chunk overruns. */
  static SourceDescription parse(ByteBuf buf, int index, int length, int count) {
    int end = index + length;
    int p = index + RtcpHeader.LENGTH;
    List<Chunk> chunks = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      if (p + 4 > end) {
        return null;
      }
      long ssrc = buf.getUnsignedInt(p);
      p += 4;
      List<Item> items = new ArrayList<>(2);
      while (true) {
        if (p >= end) {
          return null;
        }
        int type = buf.getUnsignedByte(p);
        if (type == 0) {
          // End of the item list: skip the null octets up to the next 32-bit boundary.
          p = index + RtcpHeader.padTo4(p + 1 - index);
          break;
        }
        if (p + 2 > end || p + 2 + buf.getUnsignedByte(p + 1) > end) {
          return null;
        }
        int textLength = buf.getUnsignedByte(p + 1);
        String text = buf.toString(p + 2, textLength, StandardCharsets.UTF_8);
        if (text.getBytes(StandardCharsets.UTF_8).length > 255) {
          return null; // invalid UTF-8 that would not survive a round trip
        }
        items.add(new Item(type, text));
        p += 2 + textLength;
      }
      chunks.add(new Chunk(ssrc, items));
    }
    return new SourceDescription(chunks);
  }
}
