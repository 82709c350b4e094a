package dev.podium.app.meeting;

import java.util.concurrent.CompletableFuture;

/**
 * Makes invitations for a webinar this app hosts (it holds the control API key). Each link is a
 * fresh attendee's credential: a presenter of the primary meeting, or a viewer of a replica.
 */
public interface InviteLinks {

  /** A new {@code podium://join} link for a presenter. */
  CompletableFuture<String> newPresenterLink();

  /** A new {@code podium://join} link for one audience member (a viewer in a replica). */
  CompletableFuture<String> newAudienceLink();

  /** Ends the webinar for everyone (deletes the primary meeting and its replicas). */
  CompletableFuture<Void> endWebinar();
}
