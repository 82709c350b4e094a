package dev.podium.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamStateMapTest {

  @Test
  void behavesLikeAHashMapUnderRandomInsertsAndRemovals() {
    StreamStateMap map = new StreamStateMap();
    Map<Integer, StreamState> reference = new HashMap<>();
    Random random = new Random(7);
    for (int step = 0; step < 20_000; step++) {
      int ssrc = random.nextInt(300) * 0x0101_0101; // collide in the low bits
      if (random.nextInt(3) == 0) {
        map.remove(ssrc);
        reference.remove(ssrc);
      } else {
        StreamState state = map.getOrCreate(ssrc);
        reference.putIfAbsent(ssrc, state);
        assertThat(state).isSameAs(reference.get(ssrc));
      }
      assertThat(map.size()).isEqualTo(reference.size());
    }
    for (int i = 0; i < 300; i++) {
      int ssrc = i * 0x0101_0101;
      assertThat(map.get(ssrc)).isSameAs(reference.get(ssrc));
    }
  }
}
