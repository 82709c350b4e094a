package dev.podium.media.ice;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A decoded STUN message (RFC 5389 §6), immutable.
 *
 * <p>{@link #decode} accepts a message only if it is well formed: top two bits zero, the magic
 * cookie, a length that is a multiple of four and matches the datagram exactly, attribute TLVs that
 * fit with their padding, known attributes of the right size, and FINGERPRINT (if any) last. Per
 * §15.4 attributes after MESSAGE-INTEGRITY other than FINGERPRINT are ignored; per §15 only the
 * first occurrence of a repeated attribute is used. Comprehension-required attributes this package
 * does not know are listed by {@link #unknownComprehensionRequiredAttributes()} so the agent can
 * answer 420; comprehension-optional ones (such as libwebrtc's GOOG-NETWORK-INFO) are skipped.
 */
public final class StunMessage {
  public static final int BINDING_REQUEST = 0x0001;
  public static final int BINDING_SUCCESS = 0x0101;
  public static final int BINDING_ERROR = 0x0111;
  public static final int BINDING_INDICATION = 0x0011;

  /** The fixed value of bytes 4-7 (RFC 5389 §6). */
  public static final int MAGIC_COOKIE = 0x2112A442;

  /** Size of the STUN header (RFC 5389 §6). */
  public static final int HEADER_LENGTH = 20;

  /** Size of the transaction id (RFC 5389 §6). */
  public static final int TRANSACTION_ID_LENGTH = 12;

  private static final int USERNAME_MAX_BYTES = 513;
  private static final int NONE = -1;
  private static final int[] NO_TYPES = new int[0];

  private final byte[] raw;
  private final int type;
  private String username;
  private String software;
  private boolean useCandidate;
  private boolean hasPriority;
  private long priority;
  private boolean hasIceControlling;
  private long iceControlling;
  private boolean hasIceControlled;
  private long iceControlled;
  private InetSocketAddress xorMappedAddress;
  private int errorCode = NONE;
  private String errorReason;
  private int integrityOffset = NONE;
  private int fingerprintOffset = NONE;
  private int[] unknownRequired = NO_TYPES;

  private StunMessage(byte[] raw) {
    this.raw = raw;
    this.type = u16(raw, 0);
  }

  /**
   * Decodes {@code data[offset, offset + length)} as one STUN message. Returns null if the bytes
   * are not a well-formed STUN message. Never throws.
   */
  public static StunMessage decode(byte[] data, int offset, int length) {
    if (data == null
        || offset < 0
        || length < HEADER_LENGTH
        || offset > data.length - length
        || !headerLooksValid(data, offset, length)) {
      return null;
    }
    byte[] copy = new byte[length];
    System.arraycopy(data, offset, copy, 0, length);
    return parse(copy);
  }

  /**
   * Decodes the readable bytes of {@code buf} (readerIndex to writerIndex) as one STUN message,
   * leaving its indices unchanged. Returns null if they are not a well-formed STUN message. Never
   * throws.
   */
  public static StunMessage decode(ByteBuf buf) {
    if (buf == null) {
      return null;
    }
    int length = buf.readableBytes();
    int start = buf.readerIndex();
    // Check the header in place so that non-STUN datagrams cost no copy.
    if (length < HEADER_LENGTH
        || (buf.getByte(start) & 0xC0) != 0
        || HEADER_LENGTH + buf.getUnsignedShort(start + 2) != length
        || buf.getInt(start + 4) != MAGIC_COOKIE) {
      return null;
    }
    byte[] copy = new byte[length];
    buf.getBytes(start, copy);
    return headerLooksValid(copy, 0, length) ? parse(copy) : null;
  }

  private static boolean headerLooksValid(byte[] data, int offset, int length) {
    int messageLength = u16(data, offset + 2);
    return (data[offset] & 0xC0) == 0
        && (messageLength & 3) == 0
        && HEADER_LENGTH + messageLength == length
        && u32(data, offset + 4) == MAGIC_COOKIE;
  }

  private static StunMessage parse(byte[] raw) {
    StunMessage message = new StunMessage(raw);
    int[] unknown = new int[4];
    int unknownCount = 0;
    long seen = 0; // bit per known attribute, so that only the first occurrence is used
    boolean afterIntegrity = false;
    int position = HEADER_LENGTH;
    while (position < raw.length) {
      if (message.fingerprintOffset != NONE) {
        return null; // FINGERPRINT must be the last attribute (§15.5)
      }
      if (raw.length - position < 4) {
        return null;
      }
      int attributeType = u16(raw, position);
      int valueLength = u16(raw, position + 2);
      int value = position + 4;
      int next = value + ((valueLength + 3) & ~3);
      if (next > raw.length) {
        return null;
      }
      if (attributeType == StunAttributeType.FINGERPRINT) {
        if (valueLength != 4) {
          return null;
        }
        message.fingerprintOffset = position;
      } else if (!afterIntegrity) {
        int bit = knownBit(attributeType);
        if (bit >= 0 && (seen & (1L << bit)) != 0) {
          position = next;
          continue;
        }
        if (bit >= 0) {
          seen |= 1L << bit;
        }
        if (!message.readAttribute(attributeType, value, valueLength)) {
          return null;
        }
        if (attributeType == StunAttributeType.MESSAGE_INTEGRITY) {
          message.integrityOffset = position;
          afterIntegrity = true;
        } else if (StunAttributeType.isComprehensionRequired(attributeType)
            && !StunAttributeType.isKnownComprehensionRequired(attributeType)) {
          if (unknownCount == unknown.length) {
            unknown = Arrays.copyOf(unknown, unknownCount * 2);
          }
          unknown[unknownCount++] = attributeType;
        }
      }
      position = next;
    }
    if (unknownCount > 0) {
      message.unknownRequired = Arrays.copyOf(unknown, unknownCount);
    }
    return message;
  }

  private static int knownBit(int attributeType) {
    return switch (attributeType) {
      case StunAttributeType.USERNAME -> 0;
      case StunAttributeType.MESSAGE_INTEGRITY -> 1;
      case StunAttributeType.ERROR_CODE -> 2;
      case StunAttributeType.XOR_MAPPED_ADDRESS -> 3;
      case StunAttributeType.PRIORITY -> 4;
      case StunAttributeType.USE_CANDIDATE -> 5;
      case StunAttributeType.SOFTWARE -> 6;
      case StunAttributeType.ICE_CONTROLLED -> 7;
      case StunAttributeType.ICE_CONTROLLING -> 8;
      default -> -1;
    };
  }

  /** Reads one attribute value; returns false if a known attribute is malformed. */
  private boolean readAttribute(int attributeType, int value, int length) {
    switch (attributeType) {
      case StunAttributeType.USERNAME:
        if (length > USERNAME_MAX_BYTES) {
          return false;
        }
        username = new String(raw, value, length, StandardCharsets.UTF_8);
        return true;
      case StunAttributeType.SOFTWARE:
        software = new String(raw, value, length, StandardCharsets.UTF_8);
        return true;
      case StunAttributeType.MESSAGE_INTEGRITY:
        return length == StunChecksums.HMAC_SHA1_LENGTH;
      case StunAttributeType.PRIORITY:
        if (length != 4) {
          return false;
        }
        hasPriority = true;
        priority = u32(raw, value) & 0xFFFFFFFFL;
        return true;
      case StunAttributeType.USE_CANDIDATE:
        if (length != 0) {
          return false;
        }
        useCandidate = true;
        return true;
      case StunAttributeType.ICE_CONTROLLING:
        if (length != 8) {
          return false;
        }
        hasIceControlling = true;
        iceControlling = u64(raw, value);
        return true;
      case StunAttributeType.ICE_CONTROLLED:
        if (length != 8) {
          return false;
        }
        hasIceControlled = true;
        iceControlled = u64(raw, value);
        return true;
      case StunAttributeType.XOR_MAPPED_ADDRESS:
        xorMappedAddress = readXorAddress(value, length);
        return xorMappedAddress != null;
      case StunAttributeType.ERROR_CODE:
        if (length < 4) {
          return false;
        }
        int codeClass = raw[value + 2] & 0x07;
        int number = raw[value + 3] & 0xFF;
        if (codeClass < 3 || codeClass > 6 || number > 99) {
          return false;
        }
        errorCode = codeClass * 100 + number;
        errorReason = new String(raw, value + 4, length - 4, StandardCharsets.UTF_8);
        return true;
      default:
        return true;
    }
  }

  private InetSocketAddress readXorAddress(int value, int length) {
    if (length != 8 && length != 20) {
      return null;
    }
    int family = raw[value + 1];
    int addressLength = family == 0x01 ? 4 : family == 0x02 ? 16 : 0;
    if (length != 4 + addressLength) {
      return null;
    }
    int port = u16(raw, value + 2) ^ (MAGIC_COOKIE >>> 16);
    byte[] address = new byte[addressLength];
    for (int i = 0; i < addressLength; i++) {
      // The key is the magic cookie followed by the transaction id: header bytes 4..19.
      address[i] = (byte) (raw[value + 4 + i] ^ raw[4 + i]);
    }
    try {
      return new InetSocketAddress(InetAddress.getByAddress(address), port);
    } catch (UnknownHostException e) {
      return null; // unreachable: the length is 4 or 16
    }
  }

  /** Message type: method and class (RFC 5389 §6), e.g. {@link #BINDING_REQUEST}. */
  public int type() {
    return type;
  }

  /** True for the request class (C1 C0 = 00), whatever the method. */
  public boolean isRequest() {
    return (type & 0x0110) == 0;
  }

  /** A copy of the 96-bit transaction id. */
  public byte[] transactionId() {
    byte[] id = new byte[TRANSACTION_ID_LENGTH];
    System.arraycopy(raw, 8, id, 0, TRANSACTION_ID_LENGTH);
    return id;
  }

  /** USERNAME (§15.3); for ICE checks {@code "receiverUfrag:senderUfrag"} (RFC 8445 §7.2.2). */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** SOFTWARE (§15.10). */
  public Optional<String> software() {
    return Optional.ofNullable(software);
  }

  /** USE-CANDIDATE present (RFC 8445 §7.1.2): the controlling agent nominates this pair. */
  public boolean useCandidate() {
    return useCandidate;
  }

  /** PRIORITY (RFC 8445 §7.1.1), unsigned 32 bits. */
  public OptionalLong priority() {
    return hasPriority ? OptionalLong.of(priority) : OptionalLong.empty();
  }

  /** ICE-CONTROLLING tie-breaker (RFC 8445 §7.1.3), 64 bits as a signed long. */
  public OptionalLong iceControlling() {
    return hasIceControlling ? OptionalLong.of(iceControlling) : OptionalLong.empty();
  }

  /** ICE-CONTROLLED tie-breaker (RFC 8445 §7.1.3), 64 bits as a signed long. */
  public OptionalLong iceControlled() {
    return hasIceControlled ? OptionalLong.of(iceControlled) : OptionalLong.empty();
  }

  /** XOR-MAPPED-ADDRESS (§15.2), IPv4 or IPv6. */
  public Optional<InetSocketAddress> xorMappedAddress() {
    return Optional.ofNullable(xorMappedAddress);
  }

  /** ERROR-CODE number, 300-699 (§15.6). */
  public OptionalInt errorCode() {
    return errorCode == NONE ? OptionalInt.empty() : OptionalInt.of(errorCode);
  }

  /** ERROR-CODE reason phrase (§15.6). */
  public Optional<String> errorReason() {
    return Optional.ofNullable(errorReason);
  }

  /** Comprehension-required attribute types (below 0x8000) this package does not understand. */
  public int[] unknownComprehensionRequiredAttributes() {
    return unknownRequired.clone();
  }

  /** True if the message carries MESSAGE-INTEGRITY. */
  public boolean hasIntegrity() {
    return integrityOffset != NONE;
  }

  /** True if the message carries FINGERPRINT. */
  public boolean hasFingerprint() {
    return fingerprintOffset != NONE;
  }

  /**
   * Checks MESSAGE-INTEGRITY (HMAC-SHA1 with the short-term key = password bytes, RFC 5389 §15.4)
   * over the message up to that attribute, with the header length adjusted to end right after it.
   * False if the attribute is absent or the key is null. Constant-time comparison.
   */
  public boolean verifyIntegrity(byte[] key) {
    if (key == null || integrityOffset == NONE) {
      return false;
    }
    int lengthThroughIntegrity = integrityOffset + 4 + StunChecksums.HMAC_SHA1_LENGTH;
    byte[] expected =
        StunChecksums.hmacSha1(key, raw, integrityOffset, lengthThroughIntegrity - HEADER_LENGTH);
    byte[] actual = new byte[StunChecksums.HMAC_SHA1_LENGTH];
    System.arraycopy(raw, integrityOffset + 4, actual, 0, actual.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * Checks FINGERPRINT (CRC-32 of the message before it, XOR 0x5354554e, §15.5). Returns false when
   * the attribute is absent: this method answers "does a valid fingerprint prove this is STUN?";
   * callers that tolerate its absence check {@link #hasFingerprint()} first.
   */
  public boolean hasValidFingerprint() {
    if (fingerprintOffset == NONE) {
      return false;
    }
    return StunChecksums.fingerprint(raw, fingerprintOffset) == u32(raw, fingerprintOffset + 4);
  }

  /** Size of the encoded message in bytes. */
  public int length() {
    return raw.length;
  }

  @Override
  public String toString() {
    return String.format(
        "StunMessage[type=0x%04x, length=%d, username=%s]", type, raw.length, username);
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  private static int u32(byte[] b, int i) {
    return (u16(b, i) << 16) | u16(b, i + 2);
  }

  private static long u64(byte[] b, int i) {
    return ((long) u32(b, i) << 32) | (u32(b, i + 4) & 0xFFFFFFFFL);
  }
}
