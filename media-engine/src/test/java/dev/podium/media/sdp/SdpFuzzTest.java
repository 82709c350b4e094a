package dev.podium.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mutates the captured offers and checks parser and answerer fail only in their own terms. */
class SdpFuzzTest {
  private static final int MUTANTS_PER_FIXTURE = 200;
  private static final String[] GARBAGE = {
    "",
    " ",
    ":",
    "/",
    ";",
    "=",
    "-1",
    "99999999999999999999",
    "4294967296",
    "128",
    "a=",
    "\u00e9",
    "\t",
    "~",
    ",",
    "send",
    "recv",
    "0"
  };

  @Test
  void mutatedOffersFailOnlyWithSdpExceptions() {
    Random random = new Random(20_26_11_22L);
    int parsed = 0;
    int rejected = 0;
    int answered = 0;
    for (String fixture : Fixtures.ALL) {
      String original = Fixtures.text(fixture);
      for (int i = 0; i < MUTANTS_PER_FIXTURE; i++) {
        String mutant = mutate(original, random);
        SessionDescription offer;
        try {
          offer = SessionDescription.parse(mutant);
        } catch (SdpParseException e) {
          assertThat(e.getMessage()).startsWith("SDP");
          rejected++;
          continue;
        } catch (RuntimeException e) {
          throw new AssertionError("parser threw " + e + " for mutant:\n" + mutant, e);
        }
        parsed++;
        assertThat(SessionDescription.parse(offer.toString()))
            .as("round trip of a parsed mutant")
            .isEqualTo(offer);
        try {
          new AnswerBuilder(Fixtures.localTransport(40000), MediaPolicy.defaults(), 1)
              .answer(offer, m -> MediaDecision.receive());
          answered++;
        } catch (SdpNegotiationException e) {
          // a well-formed offer the server cannot accept
        } catch (RuntimeException e) {
          fail("answerer threw " + e + " for mutant:\n" + mutant, e);
        }
      }
    }
    assertThat(parsed + rejected).isEqualTo(MUTANTS_PER_FIXTURE * Fixtures.ALL.size());
    assertThat(rejected).as("mutants rejected").isGreaterThan(100);
    assertThat(answered).as("mutants still answered").isGreaterThan(100);
  }

  private static String mutate(String sdp, Random random) {
    List<String> lines = new ArrayList<>(Arrays.asList(sdp.split("\r\n")));
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && !lines.isEmpty(); e++) {
      int index = random.nextInt(lines.size());
      String line = lines.get(index);
      switch (random.nextInt(7)) {
        case 0 -> lines.remove(index);
        case 1 -> lines.set(index, line.substring(0, random.nextInt(line.length() + 1)));
        case 2 -> lines.add(index, line);
        case 3 -> lines.set(index, replaceToken(line, random));
        case 4 -> lines.set(index, replaceChar(line, random));
        case 5 ->
            lines.set(index, line.replaceFirst("[0-9]+", GARBAGE[random.nextInt(GARBAGE.length)]));
        default -> {
          int other = random.nextInt(lines.size());
          lines.set(index, lines.get(other));
          lines.set(other, line);
        }
      }
    }
    return String.join(random.nextBoolean() ? "\r\n" : "\n", lines) + "\r\n";
  }

  private static String replaceToken(String line, Random random) {
    String[] tokens = line.split("(?<=[ :/;=])|(?=[ :/;=])");
    tokens[random.nextInt(tokens.length)] = GARBAGE[random.nextInt(GARBAGE.length)];
    return String.join("", tokens);
  }

  private static String replaceChar(String line, Random random) {
    if (line.isEmpty()) {
      return line;
    }
    char[] chars = line.toCharArray();
    chars[random.nextInt(chars.length)] =
        (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000));
    return new String(chars);
  }
}
