package dev.podium.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps docs/signaling.md exact: its examples are what the codec writes, its tables the code. */
class SignalingDocTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern STATUS_ROW =
      Pattern.compile("^\\| `([A-Z_]+)` \\| (yes|no) \\|", Pattern.MULTILINE);

  private static String doc;
  private final SignalCodec codec = new SignalCodec();

  @BeforeAll
  static void readDoc() throws Exception {
    Path path = Path.of("../docs/signaling.md");
    if (!Files.exists(path)) {
      path = Path.of("docs/signaling.md");
    }
    doc = Files.readString(path);
  }

  private static List<String> jsonBlocks() {
    List<String> blocks = new ArrayList<>();
    Matcher m = JSON_BLOCK.matcher(doc);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void everyJsonExampleIsExactlyWhatTheCodecWrites() throws Exception {
    List<String> blocks = jsonBlocks();
    assertThat(blocks).isNotEmpty();

    for (String block : blocks) {
      SignalMessage message = codec.decode(block, SignalMessage.class);
      String compact = JSON.writeValueAsString(JSON.readTree(block));
      assertThat(compact).as("example %s", block).isEqualTo(codec.encode(message));
    }
  }

  @Test
  void documentsEveryMessageTypeWithAHeadingAndTheSampleExample() throws Exception {
    List<String> compact = new ArrayList<>();
    for (String block : jsonBlocks()) {
      compact.add(JSON.writeValueAsString(JSON.readTree(block)));
    }

    for (SignalMessage sample : SignalSamples.all()) {
      assertThat(compact).contains(codec.encode(sample));
    }
    for (JsonSubTypes.Type t : SignalMessage.class.getAnnotation(JsonSubTypes.class).value()) {
      assertThat(doc).contains("### `" + t.name() + "`");
    }
  }

  @Test
  void theStatusCodeTableListsEveryCodeWithWhetherItIsTerminal() {
    Map<String, Boolean> documented = new LinkedHashMap<>();
    Matcher m = STATUS_ROW.matcher(doc);
    while (m.find()) {
      documented.put(m.group(1), m.group(2).equals("yes"));
    }
    Map<String, Boolean> actual = new LinkedHashMap<>();
    Arrays.stream(StatusCode.values()).forEach(c -> actual.put(c.name(), c.isTerminal()));

    assertThat(documented).containsExactlyEntriesOf(actual);
  }

  @Test
  void statesTheLimitsTheCodeDefines() {
    assertThat(doc).contains("64 KiB");
    assertThat(SignalCodec.MAX_MESSAGE_BYTES).isEqualTo(64 * 1024);
    assertThat(doc).contains("`protocolVersion` is " + SignalMessage.PROTOCOL_VERSION);
  }
}
