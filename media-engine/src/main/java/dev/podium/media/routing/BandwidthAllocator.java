package dev.podium.media.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares one subscriber's estimated downlink bandwidth among its video consumers, in priority order
 * (lower number first, Chime-like): sources of one priority first all get their lowest flowing
 * layer, then are upgraded towards the layer their tile calls for, before anything goes to the next
 * priority. So under pressure lower-priority sources drop to their low layer, then pause, before
 * higher-priority ones degrade. The most important source is never paused: it always keeps at least
 * its lowest layer. Costs are the producers' measured layer bit rates; an upgrade must fit with
 * {@link #UPGRADE_HEADROOM} to spare, so a layer does not flap at the budget's edge.
 */
public final class BandwidthAllocator {
  /** Cost assumed for a flowing layer whose bit rate is not measured yet. */
  static final long UNMEASURED_LAYER_BPS = 300_000;

  /** Floor of any layer's cost. */
  static final long MIN_LAYER_BPS = 30_000;

  /** An upgrade beyond the current target needs this much more than its cost. */
  static final double UPGRADE_HEADROOM = 1.2;

  private static final Comparator<Consumer> ORDER =
      Comparator.comparingInt(Consumer::priority).thenComparing(Consumer::id);

  private BandwidthAllocator() {}

  /**
   * Grants layers to {@code consumers} within {@code availableBps} ({@link Long#MAX_VALUE}: no
   * limit). Call on the event loop. Returns the bandwidth left over.
   */
  public static long allocate(List<Consumer> consumers, long availableBps, long nowMillis) {
    List<Consumer> video = new ArrayList<>(consumers.size());
    for (Consumer c : consumers) {
      if (!c.isClosed() && c.producer().kind() == MediaKind.VIDEO && !c.isPaused()) {
        video.add(c);
      }
    }
    video.sort(ORDER);
    long budget = availableBps;
    boolean first = true;
    int i = 0;
    while (i < video.size()) {
      int end = i;
      while (end < video.size() && video.get(end).priority() == video.get(i).priority()) {
        end++;
      }
      List<Consumer> group = video.subList(i, end);
      int[] low = new int[group.size()];
      for (int k = 0; k < group.size(); k++) {
        Consumer c = group.get(k);
        low[k] = c.bestFlowingLayer(0, nowMillis);
        if (low[k] < 0) {
          low[k] = -1; // nothing flowing: nothing to spend, nothing to limit
          c.setAllocation(Integer.MAX_VALUE, false);
          continue;
        }
        long cost = cost(c, low[k], nowMillis);
        if (cost <= budget || first) {
          budget -= cost;
          c.setAllocation(low[k], false);
        } else {
          c.setAllocation(0, true);
          low[k] = -2; // paused
        }
        first = false;
      }
      for (int k = 0; k < group.size(); k++) {
        if (low[k] < 0) {
          continue;
        }
        Consumer c = group.get(k);
        long lowCost = cost(c, low[k], nowMillis);
        int want = c.preferredLayer();
        for (int layer = want; layer > low[k]; layer--) {
          if (!c.producer().isLayerActive(layer, nowMillis)) {
            continue;
          }
          long extra = cost(c, layer, nowMillis) - lowCost;
          double needed = layer > c.targetLayer() ? extra * UPGRADE_HEADROOM : extra;
          if (needed <= budget) {
            budget -= extra;
            c.setAllocation(layer, false);
            break;
          }
        }
      }
      i = end;
    }
    return budget;
  }

  private static long cost(Consumer c, int layer, long nowMillis) {
    long measured = c.producer().layerBitrate(layer, nowMillis);
    return Math.max(MIN_LAYER_BPS, measured > 0 ? measured : UNMEASURED_LAYER_BPS);
  }
}
