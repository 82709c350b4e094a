package dev.podium.server.signaling;

import dev.podium.server.protocol.ServerMessage;
import dev.podium.server.protocol.StatusCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The primary meeting's video sender slots (seed: 25 attendees sending camera video) and content
 * share slots (one by default, two at most), promoted viewers included. A slot is held by an
 * attendee, for the sending m-lines its offers carry; an m-line refused a slot is answered as not
 * sending (a {@code sendonly} m-line becomes {@code inactive}), so the client stops sending and
 * nothing is published. When the camera slots fill up or one frees, the attendees on the stage
 * without one get {@code video-availability}. Every method runs under the group lock.
 */
final class VideoSlots {
  private final Room primary;
  private final int maxVideoSenders;
  private final int maxContentShares;

  VideoSlots(Room primary, int maxVideoSenders, int maxContentShares) {
    this.primary = primary;
    this.maxVideoSenders = maxVideoSenders;
    this.maxContentShares = maxContentShares;
  }

  /** What an offer may send: the m-lines refused, and which caps refused them. */
  record Grant(Set<String> refused, boolean cameraRefused, boolean contentRefused) {
    static final Grant ALL = new Grant(Set.of(), false, false);
  }

  /**
   * Grants {@code p} slots for what {@code offered} sends, keeping the ones it holds and releasing
   * the ones it no longer sends; tells the refused client why (then the answer follows).
   */
  Grant grant(Participant p, OfferedMedia offered) {
    boolean wasFull = wasFull(p);
    Set<String> refused = new HashSet<>();
    p.cameraGrants.retainAll(offered.camera());
    boolean cameraRefused = false;
    if (!offered.camera().isEmpty()
        && p.cameraGrants.isEmpty()
        && cameraHolders(p) >= maxVideoSenders) {
      refused.addAll(offered.camera());
      cameraRefused = true;
    } else {
      p.cameraGrants.addAll(offered.camera());
    }
    p.contentGrants.retainAll(offered.contentVideo());
    boolean contentRefused = false;
    if (!offered.contentVideo().isEmpty()
        && p.contentGrants.isEmpty()
        && contentHolders(p) >= maxContentShares) {
      refused.addAll(offered.contentVideo());
      contentRefused = true;
    } else {
      p.contentGrants.addAll(offered.contentVideo());
    }
    if (p.contentGrants.isEmpty()) {
      refused.addAll(offered.contentAudio()); // content audio only comes with a content share
    } else {
      p.contentGrants.addAll(offered.contentAudio());
    }
    if (cameraRefused) {
      p.send(new ServerMessage.VideoAvailability(false));
      p.send(
          new ServerMessage.Status(
              null,
              StatusCode.VIDEO_SEND_UNAVAILABLE,
              "the meeting already has "
                  + maxVideoSenders
                  + " video senders; wait for video-availability"));
    }
    if (contentRefused) {
      p.send(
          new ServerMessage.Status(
              null,
              StatusCode.CONTENT_SHARE_UNAVAILABLE,
              maxContentShares == 1
                  ? "someone else is sharing content"
                  : "the meeting already has " + maxContentShares + " content shares"));
    }
    availabilityMayHaveChanged(wasFull);
    return refused.isEmpty()
        ? Grant.ALL
        : new Grant(Set.copyOf(refused), cameraRefused, contentRefused);
  }

  /** {@code p} sends nothing any more (left, demoted, media closed). */
  void release(Participant p) {
    boolean wasFull = wasFull(p);
    p.cameraGrants.clear();
    p.contentGrants.clear();
    availabilityMayHaveChanged(wasFull);
  }

  /** Whether {@code p} may start sending camera video now. */
  boolean canSendCamera(Participant p) {
    return !p.cameraGrants.isEmpty() || cameraHolders(p) < maxVideoSenders;
  }

  /** Whether the camera slots are full, counting {@code p}'s even if it has just left the stage. */
  private boolean wasFull(Participant p) {
    return cameraHolders(p) + (p.cameraGrants.isEmpty() ? 0 : 1) >= maxVideoSenders;
  }

  private boolean cameraFull() {
    return cameraHolders(null) >= maxVideoSenders;
  }

  private void availabilityMayHaveChanged(boolean wasFull) {
    boolean full = cameraFull();
    if (full == wasFull) {
      return;
    }
    ServerMessage availability = new ServerMessage.VideoAvailability(!full);
    for (Participant p : stage()) {
      if (p.cameraGrants.isEmpty() && !p.gone) {
        p.send(availability);
      }
    }
  }

  private long cameraHolders(Participant except) {
    return stage().stream().filter(p -> p != except && !p.cameraGrants.isEmpty()).count();
  }

  private long contentHolders(Participant except) {
    return stage().stream().filter(p -> p != except && !p.contentGrants.isEmpty()).count();
  }

  /** Attendees of the primary and promoted viewers. */
  private List<Participant> stage() {
    List<Participant> stage = new ArrayList<>(primary.participants.values());
    stage.addAll(primary.promoted.values());
    return stage;
  }
}
