package dev.podium.app.client;

import dev.podium.server.protocol.ClientMessage;
import dev.podium.server.protocol.ServerMessage.SourceInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The remote video tiles of a session: one per wanted source (up to {@link
 * SessionOptions#maxRemoteVideos()}), each placed on a recv-only video slot of the peer connection.
 * Changes are made on the control thread; the by-id map is also read by public getters.
 */
final class TileBook {
  private final SessionCore core;
  private final Map<Integer, RemoteTile> byId = new ConcurrentHashMap<>();
  private final Map<Integer, int[]> renderHints = new ConcurrentHashMap<>();
  private final Map<String, RemoteTile> bySource = new LinkedHashMap<>();
  private List<SourceInfo> sources = List.of();
  private Set<String> pausedSources = Set.of();
  private int nextTileId = 1;

  TileBook(SessionCore core) {
    this.core = core;
  }

  /** The tiles that exist now, by id (any thread). */
  List<VideoTile> tiles() {
    List<VideoTile> tiles = new ArrayList<>();
    for (RemoteTile t : byId.values()) {
      tiles.add(t.tile());
    }
    tiles.sort(Comparator.comparingInt(VideoTile::tileId));
    return tiles;
  }

  RemoteTile byId(int tileId) {
    return byId.get(tileId);
  }

  void setRenderSize(int tileId, int width, int height) {
    renderHints.compute(
        tileId, (id, hint) -> new int[] {width, height, hint == null ? 0 : hint[2]});
  }

  void setPriority(int tileId, int priority) {
    renderHints.compute(
        tileId,
        (id, hint) -> new int[] {hint == null ? 0 : hint[0], hint == null ? 0 : hint[1], priority});
  }

  int[] renderHints(int tileId) {
    return renderHints.get(tileId);
  }

  /** The server's full source list: tell observers, then add and remove tiles. */
  void sourcesChanged(List<SourceInfo> now) {
    Set<String> sharedBefore = contentSharers(sources);
    Set<String> sharedNow = contentSharers(now);
    for (String sharer : sharedNow) {
      if (!sharedBefore.contains(sharer)) {
        core.events.emit(o -> o.onContentShareStarted(sharer));
      }
    }
    for (String sharer : sharedBefore) {
      if (!sharedNow.contains(sharer)) {
        core.events.emit(o -> o.onContentShareStopped(sharer, MeetingSessionStatus.ok()));
      }
    }
    sources = List.copyOf(now);
    List<SourceInfo> list = sources;
    core.events.emit(o -> o.onRemoteVideoSourcesChanged(list));
    reconcile();
  }

  /** Attendee ids (without {@code #content}) of the content shares among {@code list}. */
  private static Set<String> contentSharers(List<SourceInfo> list) {
    Set<String> sharers = new HashSet<>();
    for (SourceInfo s : list) {
      if ("content".equals(s.kind()) && s.attendeeId().endsWith("#content")) {
        sharers.add(s.attendeeId().substring(0, s.attendeeId().length() - "#content".length()));
      }
    }
    return sharers;
  }

  /** Adds tiles for new sources, removes tiles of gone ones, and renegotiates if needed. */
  void reconcile() {
    int max = core.options.maxRemoteVideos();
    List<SourceInfo> wanted = sources.size() > max ? sources.subList(0, max) : sources;
    Map<String, SourceInfo> wantedById = new LinkedHashMap<>();
    for (SourceInfo s : wanted) {
      wantedById.put(s.sourceId(), s);
    }
    boolean changed = false;
    PeerSession peer = core.media.peer();
    for (RemoteTile tile : List.copyOf(bySource.values())) {
      if (!wantedById.containsKey(tile.tile().sourceId())) {
        bySource.remove(tile.tile().sourceId());
        byId.remove(tile.tile().tileId());
        renderHints.remove(tile.tile().tileId());
        tile.markRemoved();
        if (peer != null) {
          for (RemoteVideoSlot slot : peer.slots()) {
            if (slot.tile() == tile) {
              slot.assign(null);
            }
          }
        }
        VideoTile gone = tile.tile();
        core.events.emit(o -> o.onVideoTileRemoved(gone));
        changed = true;
      }
    }
    for (SourceInfo s : wantedById.values()) {
      if (!bySource.containsKey(s.sourceId())) {
        VideoTile tile =
            new VideoTile(nextTileId++, s.attendeeId(), s.externalUserId(), s.sourceId(), 0, 0);
        RemoteTile remote =
            new RemoteTile(
                tile, core.events, resized -> core.events.emit(o -> o.onVideoTileUpdated(resized)));
        bySource.put(s.sourceId(), remote);
        byId.put(tile.tileId(), remote);
        core.events.emit(o -> o.onVideoTileAdded(tile));
        changed = true;
      }
    }
    if (peer != null) {
      changed |= assignSlots(peer);
    }
    if (changed && core.state == SessionCore.State.STARTED) {
      core.media.requestNegotiation();
    }
  }

  /** Gives every tile a recv-only video slot of {@code peer}; true if any assignment changed. */
  boolean assignSlots(PeerSession peer) {
    boolean changed = false;
    Set<RemoteTile> placed = new HashSet<>();
    for (RemoteVideoSlot slot : peer.slots()) {
      if (slot.tile() != null) {
        placed.add(slot.tile());
      }
    }
    for (RemoteTile tile : bySource.values()) {
      if (!placed.contains(tile)) {
        peer.freeSlot().assign(tile);
        changed = true;
      }
    }
    return changed;
  }

  /** The mid → source bindings the next offer asks for. */
  Map<String, String> bindings(PeerSession peer) {
    Map<String, String> bindings = new java.util.HashMap<>();
    for (RemoteVideoSlot slot : peer.slots()) {
      RemoteTile tile = slot.tile();
      String mid = slot.transceiver.getMid();
      if (tile != null && mid != null) {
        bindings.put(mid, tile.tile().sourceId());
      }
    }
    return bindings;
  }

  /**
   * The preferences the server gets for the tiles: render size and priority as the application set
   * them. The SDK's priority is "higher first"; the wire's is "lower first", hence the sign.
   */
  List<ClientMessage.VideoPreference> preferences() {
    List<ClientMessage.VideoPreference> list = new ArrayList<>();
    for (RemoteTile tile : bySource.values()) {
      int[] hint = renderHints.get(tile.tile().tileId());
      if (hint != null) {
        list.add(
            new ClientMessage.VideoPreference(
                tile.tile().sourceId(), -hint[2], hint[0], hint[1], false));
      }
    }
    return list;
  }

  /** The server's list of sources it paused for bandwidth: observers hear of each change. */
  void pausedByBandwidth(List<String> sourceIds) {
    Set<String> now = Set.copyOf(sourceIds);
    for (RemoteTile tile : bySource.values()) {
      String id = tile.tile().sourceId();
      boolean paused = now.contains(id);
      if (paused != pausedSources.contains(id)) {
        VideoTile changed = tile.tile();
        core.events.emit(o -> o.onVideoTilePausedByBandwidth(changed, paused));
      }
    }
    pausedSources = now;
  }

  /** The session ended: every tile is removed (observers told). */
  void removeAll() {
    for (RemoteTile tile : bySource.values()) {
      tile.markRemoved();
      VideoTile gone = tile.tile();
      core.events.emit(o -> o.onVideoTileRemoved(gone));
    }
    bySource.clear();
    byId.clear();
  }
}
