/** Test harness: real webrtc-java peers kept on loopback. */
package dev.podium.testkit;
