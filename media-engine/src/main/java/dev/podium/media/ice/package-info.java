/**
 * ICE-lite (RFC 8445 §2.5, §6.1.1) and the STUN messages it needs (RFC 5389): decoding and encoding
 * Binding messages with short-term credentials, answering connectivity checks, tracking validated
 * remote addresses, nomination and consent freshness (RFC 7675).
 */
package dev.podium.media.ice;
