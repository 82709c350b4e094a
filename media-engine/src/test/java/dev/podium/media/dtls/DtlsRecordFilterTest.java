package dev.podium.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DtlsRecordFilterTest {

  private static byte[] record(int type, int epoch, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(type);
    out.write(0xFE);
    out.write(0xFD);
    out.write(epoch >> 8);
    out.write(epoch);
    out.writeBytes(new byte[] {0, 0, 0, 0, 0, 7}); // sequence number
    out.write(body.length >> 8);
    out.write(body.length);
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] fragment(int type, int messageLength, int offset, int length) {
    byte[] fragment = new byte[12 + length];
    fragment[0] = (byte) type;
    put24(fragment, 1, messageLength);
    put24(fragment, 6, offset);
    put24(fragment, 9, length);
    return fragment;
  }

  private static void put24(byte[] data, int at, int value) {
    data[at] = (byte) (value >> 16);
    data[at + 1] = (byte) (value >> 8);
    data[at + 2] = (byte) value;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static boolean plausible(byte[] datagram) {
    return DtlsRecordFilter.isPlausible(datagram, 0, datagram.length);
  }

  @Test
  void acceptsAClientHelloRecord() {
    assertThat(plausible(record(22, 0, fragment(1, 40, 0, 40)))).isTrue();
  }

  @Test
  void acceptsSeveralFragmentsAndRecordsInOneDatagram() {
    byte[] flight =
        concat(
            record(22, 0, concat(fragment(11, 300, 0, 100), fragment(12, 20, 0, 20))),
            record(20, 0, new byte[] {1}),
            record(22, 1, new byte[40]));

    assertThat(plausible(flight)).isTrue();
  }

  @Test
  void rejectsWhatCannotBeDtls() {
    assertThat(plausible(new byte[12])).as("shorter than a header").isFalse();
    byte[] tls = record(22, 0, fragment(1, 40, 0, 40));
    tls[1] = 0x03;
    assertThat(plausible(tls)).as("TLS version").isFalse();
    byte[] truncated = record(22, 1, new byte[40]);
    assertThat(DtlsRecordFilter.isPlausible(truncated, 0, truncated.length - 1))
        .as("truncated")
        .isFalse();
    assertThat(plausible(record(23, 0, new byte[20]))).as("epoch-0 application data").isFalse();
    assertThat(plausible(record(24, 1, new byte[20]))).as("heartbeat").isFalse();
    assertThat(plausible(record(20, 0, new byte[] {2}))).as("bad change_cipher_spec").isFalse();
    assertThat(plausible(record(22, 0, fragment(1, 10, 0, 40)))).as("fragment past end").isFalse();
    assertThat(plausible(concat(record(22, 0, fragment(1, 40, 0, 40)), new byte[3])))
        .as("trailing junk")
        .isFalse();
  }

  @Test
  void rejectsRandomBytes() {
    Random random = new Random(7);
    int accepted = 0;
    for (int i = 0; i < 10_000; i++) {
      byte[] junk = new byte[13 + random.nextInt(1200)];
      random.nextBytes(junk);
      if (plausible(junk)) {
        accepted++;
      }
    }
    assertThat(accepted).isZero();
  }
}
