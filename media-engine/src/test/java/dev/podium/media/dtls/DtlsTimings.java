package dev.podium.media.dtls;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measures certificate generation in a cold JVM and in-memory handshake times (client and server on
 * this machine), for one bctls crypto back end. Run after {@code test-compile}:
 *
 * <pre>
 * java -cp media-engine/target/test-classes:media-engine/target/classes:&lt;bouncycastle jars&gt; \
 *     dev.podium.media.dtls.DtlsTimings JCA
 * </pre>
 */
public final class DtlsTimings {

  private DtlsTimings() {}

  /** Prints the timings of the crypto back end named by {@code args[0]} (BC or JCA). */
  public static void main(String[] args) {
    DtlsCertificate.CryptoKind kind =
        DtlsCertificate.CryptoKind.valueOf(
            args.length > 0 ? args[0].toUpperCase(Locale.ROOT) : "JCA");
    long started = System.nanoTime();
    DtlsCertificate certificate = DtlsCertificate.generate(kind);
    double generateMillis = (System.nanoTime() - started) / 1e6;
    started = System.nanoTime();
    DtlsCertificate.generate(kind);
    double secondGenerateMillis = (System.nanoTime() - started) / 1e6;

    started = System.nanoTime();
    certificate.warmUp();
    double warmUpMillis = (System.nanoTime() - started) / 1e6;

    double[] handshakes = new double[220];
    for (int i = 0; i < handshakes.length; i++) {
      long t = System.nanoTime();
      DtlsWarmUp.run(certificate, 1);
      handshakes[i] = (System.nanoTime() - t) / 1e6;
    }
    double first = handshakes[0];
    double[] warm = Arrays.copyOfRange(handshakes, 20, handshakes.length);
    Arrays.sort(warm);
    System.out.printf(
        Locale.ROOT,
        "%s: certificate cold %.1f ms, again %.1f ms; warmUp() %.1f ms; then handshakes #1 %.1f ms,"
            + " #2 %.1f ms, #3 %.1f ms,"
            + " warm (21-220) median %.1f ms, p10 %.1f ms, p90 %.1f ms%n",
        kind,
        generateMillis,
        secondGenerateMillis,
        warmUpMillis,
        first,
        handshakes[1],
        handshakes[2],
        warm[warm.length / 2],
        warm[warm.length / 10],
        warm[warm.length * 9 / 10]);
  }
}
