package dev.podium.media.ice;

/**
 * STUN attribute type codes this package reads or writes (RFC 5389 §18.2, RFC 8445 §16.1).
 *
 * <p>Types below 0x8000 are comprehension-required, types from 0x8000 comprehension-optional (RFC
 * 5389 §15).
 */
final class StunAttributeType {
  static final int MAPPED_ADDRESS = 0x0001;
  static final int USERNAME = 0x0006;
  static final int MESSAGE_INTEGRITY = 0x0008;
  static final int ERROR_CODE = 0x0009;
  static final int UNKNOWN_ATTRIBUTES = 0x000A;
  static final int REALM = 0x0014;
  static final int NONCE = 0x0015;
  static final int XOR_MAPPED_ADDRESS = 0x0020;
  static final int PRIORITY = 0x0024;
  static final int USE_CANDIDATE = 0x0025;
  static final int SOFTWARE = 0x8022;
  static final int ALTERNATE_SERVER = 0x8023;
  static final int FINGERPRINT = 0x8028;
  static final int ICE_CONTROLLED = 0x8029;
  static final int ICE_CONTROLLING = 0x802A;

  /** libwebrtc's network cost/id hint; comprehension-optional, ignored. */
  static final int GOOG_NETWORK_INFO = 0xC057;

  private StunAttributeType() {}

  /** True for the comprehension-required range 0x0000-0x7FFF (RFC 5389 §15). */
  static boolean isComprehensionRequired(int type) {
    return type < 0x8000;
  }

  /** True for the comprehension-required attributes this package understands. */
  static boolean isKnownComprehensionRequired(int type) {
    return switch (type) {
      case MAPPED_ADDRESS,
              USERNAME,
              MESSAGE_INTEGRITY,
              ERROR_CODE,
              UNKNOWN_ATTRIBUTES,
              REALM,
              NONCE,
              XOR_MAPPED_ADDRESS,
              PRIORITY,
              USE_CANDIDATE ->
          true;
      default -> false;
    };
  }
}
