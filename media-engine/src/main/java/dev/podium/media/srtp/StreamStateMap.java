package dev.podium.media.srtp;

/**
 * An open-addressing map from 32-bit SSRC to {@link StreamState} that does not box keys, so a
 * lookup on the packet path allocates nothing. Not thread-safe.
 */
final class StreamStateMap {
  private int[] keys = new int[16];
  private StreamState[] values = new StreamState[16];
  private int size;

  StreamState get(int ssrc) {
    int m = keys.length - 1;
    for (int i = mix(ssrc) & m; ; i = (i + 1) & m) {
      StreamState v = values[i];
      if (v == null) {
        return null;
      }
      if (keys[i] == ssrc) {
        return v;
      }
    }
  }

  StreamState getOrCreate(int ssrc) {
    StreamState existing = get(ssrc);
    if (existing != null) {
      return existing;
    }
    StreamState created = new StreamState();
    put(ssrc, created);
    return created;
  }

  /** Removes the state of {@code ssrc}, if any (backward-shift deletion keeps probing exact). */
  void remove(int ssrc) {
    int m = keys.length - 1;
    int i = mix(ssrc) & m;
    while (true) {
      if (values[i] == null) {
        return;
      }
      if (keys[i] == ssrc) {
        break;
      }
      i = (i + 1) & m;
    }
    values[i] = null;
    size--;
    for (int j = (i + 1) & m; values[j] != null; j = (j + 1) & m) {
      int home = mix(keys[j]) & m;
      boolean staysPut = i <= j ? (i < home && home <= j) : (i < home || home <= j);
      if (!staysPut) {
        keys[i] = keys[j];
        values[i] = values[j];
        values[j] = null;
        i = j;
      }
    }
  }

  int size() {
    return size;
  }

  private void put(int ssrc, StreamState state) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    insert(keys, values, ssrc, state);
    size++;
  }

  private void grow() {
    int[] newKeys = new int[keys.length * 2];
    StreamState[] newValues = new StreamState[values.length * 2];
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        insert(newKeys, newValues, keys[i], values[i]);
      }
    }
    keys = newKeys;
    values = newValues;
  }

  private static void insert(int[] keys, StreamState[] values, int ssrc, StreamState state) {
    int m = keys.length - 1;
    int i = mix(ssrc) & m;
    while (values[i] != null) {
      i = (i + 1) & m;
    }
    keys[i] = ssrc;
    values[i] = state;
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
