package dev.podium.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Goodbye, PT 203 (RFC 3550 §6.6): up to 31 SSRCs leaving, with an optional UTF-8 reason. */
public record Bye(List<Long> ssrcs, Optional<String> reason) implements RtcpPacket {

  public Bye {
    ssrcs = List.copyOf(ssrcs);
    RtcpHeader.checkCount(ssrcs.size(), "SSRCs");
    if (reason.isPresent() && reason.get().getBytes(StandardCharsets.UTF_8).length > 255) {
      throw new IllegalArgumentException("BYE reason longer than 255 bytes");
    }
  }

  /** A BYE for one SSRC without a reason. */
  public static Bye of(long ssrc) {
    return new Bye(List.of(ssrc), Optional.empty());
  }

  @Override
  public int length() {
    int length = RtcpHeader.LENGTH + 4 * ssrcs.size();
    if (reason.isPresent()) {
      length += RtcpHeader.padTo4(1 + reason.get().getBytes(StandardCharsets.UTF_8).length);
    }
    return length;
  }

  @Override
  public void writeTo(ByteBuf out) {
    RtcpHeader.write(out, ssrcs.size(), RtcpHeader.BYE, length());
    ssrcs.forEach(ssrc -> out.writeInt(ssrc.intValue()));
    if (reason.isPresent()) {
      byte[] text = reason.get().getBytes(StandardCharsets.UTF_8);
      out.writeByte(text.length);
      out.writeBytes(text);
      out.writeZero(RtcpHeader.padTo4(1 + text.length) - 1 - text.length);
    }
  }

  /** Parses the packet at {@code index} of {@code length} bytes; null when truncated. */
  static Bye parse(ByteBuf buf, int index, int length, int count) {
    int end = index + length;
    int p = index + RtcpHeader.LENGTH;
    if (p + 4 * count > end) {
      return null;
    }
    List<Long> ssrcs = new ArrayList<>(count);
    for (int i = 0; i < count; i++, p += 4) {
      ssrcs.add(buf.getUnsignedInt(p));
    }
    Optional<String> reason = Optional.empty();
    if (p < end) {
      int textLength = buf.getUnsignedByte(p);
      if (p + 1 + textLength > end) {
        return null;
      }
      String text = buf.toString(p + 1, textLength, StandardCharsets.UTF_8);
      if (text.getBytes(StandardCharsets.UTF_8).length > 255) {
        return null; // invalid UTF-8 that would not survive a round trip
      }
      reason = Optional.of(text);
    }
    return new Bye(ssrcs, reason);
  }
}
