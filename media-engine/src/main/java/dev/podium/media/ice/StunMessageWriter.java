package dev.podium.media.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Appends attributes to one STUN message (RFC 5389 §6, §15) and seals it with MESSAGE-INTEGRITY and
 * FINGERPRINT. The header length is kept current after every attribute, which is what the two
 * checksums need. Padding bytes are zero unless told otherwise (RFC 5769's samples use spaces).
 */
final class StunMessageWriter {
  private byte[] buffer = new byte[128];
  private int position;
  private byte paddingByte;

  StunMessageWriter(int type, byte[] transactionId) {
    if ((type & 0xC000) != 0) {
      throw new IllegalArgumentException("STUN message type has 14 bits: " + type);
    }
    if (transactionId == null || transactionId.length != StunMessage.TRANSACTION_ID_LENGTH) {
      throw new IllegalArgumentException("the transaction id must be 12 bytes");
    }
    putU16(type);
    putU16(0);
    putU32(StunMessage.MAGIC_COOKIE);
    put(transactionId, 0, transactionId.length);
  }

  /** Sets the byte used to pad attribute values to four bytes (zero by default). */
  StunMessageWriter paddingByte(int value) {
    paddingByte = (byte) value;
    return this;
  }

  StunMessageWriter attribute(int type, byte[] value) {
    if (value.length > 0xFFFF) {
      throw new IllegalArgumentException("attribute value too long: " + value.length);
    }
    putU16(type);
    putU16(value.length);
    put(value, 0, value.length);
    while ((position & 3) != 0) {
      put(paddingByte);
    }
    updateLength();
    return this;
  }

  StunMessageWriter text(int type, String value) {
    return attribute(type, value.getBytes(StandardCharsets.UTF_8));
  }

  StunMessageWriter u32(int type, long value) {
    byte[] v = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    return attribute(type, v);
  }

  StunMessageWriter u64(int type, long value) {
    byte[] v = new byte[8];
    for (int i = 0; i < 8; i++) {
      v[i] = (byte) (value >>> (56 - 8 * i));
    }
    return attribute(type, v);
  }

  /** XOR-MAPPED-ADDRESS style value (§15.2): port XOR the cookie's top half, address XOR key. */
  StunMessageWriter xorAddress(int type, InetSocketAddress socketAddress) {
    InetAddress address = socketAddress.getAddress();
    if (address == null) {
      throw new IllegalArgumentException("unresolved address: " + socketAddress);
    }
    byte[] ip = address.getAddress();
    byte[] v = new byte[4 + ip.length];
    v[1] = (byte) (ip.length == 4 ? 0x01 : 0x02);
    int port = socketAddress.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16);
    v[2] = (byte) (port >>> 8);
    v[3] = (byte) port;
    for (int i = 0; i < ip.length; i++) {
      // Magic cookie then transaction id: header bytes 4..19.
      v[4 + i] = (byte) (ip[i] ^ buffer[4 + i]);
    }
    return attribute(type, v);
  }

  /** ERROR-CODE (§15.6): class and number, then the reason phrase. */
  StunMessageWriter errorCode(int code, String reason) {
    if (code < 300 || code > 699) {
      throw new IllegalArgumentException("STUN error codes are 300-699: " + code);
    }
    byte[] phrase = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
    byte[] v = new byte[4 + phrase.length];
    v[2] = (byte) (code / 100);
    v[3] = (byte) (code % 100);
    System.arraycopy(phrase, 0, v, 4, phrase.length);
    return attribute(StunAttributeType.ERROR_CODE, v);
  }

  /** UNKNOWN-ATTRIBUTES (§15.9): the list of 16-bit types. */
  StunMessageWriter unknownAttributes(int[] types) {
    byte[] v = new byte[2 * types.length];
    for (int i = 0; i < types.length; i++) {
      v[2 * i] = (byte) (types[i] >>> 8);
      v[2 * i + 1] = (byte) types[i];
    }
    return attribute(StunAttributeType.UNKNOWN_ATTRIBUTES, v);
  }

  /** Appends MESSAGE-INTEGRITY (§15.4) over everything written so far. */
  StunMessageWriter messageIntegrity(byte[] key) {
    int lengthWithIntegrity = position + 4 + StunChecksums.HMAC_SHA1_LENGTH;
    byte[] mac =
        StunChecksums.hmacSha1(
            key, buffer, position, lengthWithIntegrity - StunMessage.HEADER_LENGTH);
    return attribute(StunAttributeType.MESSAGE_INTEGRITY, mac);
  }

  /** Appends FINGERPRINT (§15.5); must be the last attribute. */
  StunMessageWriter fingerprint() {
    int start = position;
    // Reserve the attribute first so the header length covers it, then fill in the CRC.
    attribute(StunAttributeType.FINGERPRINT, new byte[4]);
    int crc = StunChecksums.fingerprint(buffer, start);
    buffer[start + 4] = (byte) (crc >>> 24);
    buffer[start + 5] = (byte) (crc >>> 16);
    buffer[start + 6] = (byte) (crc >>> 8);
    buffer[start + 7] = (byte) crc;
    return this;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, position);
  }

  private void updateLength() {
    int length = position - StunMessage.HEADER_LENGTH;
    buffer[2] = (byte) (length >>> 8);
    buffer[3] = (byte) length;
  }

  private void putU16(int value) {
    put((byte) (value >>> 8));
    put((byte) value);
  }

  private void putU32(int value) {
    putU16(value >>> 16);
    putU16(value);
  }

  private void put(byte value) {
    ensure(1);
    buffer[position++] = value;
  }

  private void put(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, buffer, position, length);
    position += length;
  }

  private void ensure(int more) {
    if (position + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + more));
    }
  }
}
