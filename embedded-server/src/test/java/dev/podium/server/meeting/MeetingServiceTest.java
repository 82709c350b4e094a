package dev.podium.server.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podium.server.meeting.AuthenticationResult.Authenticated;
import dev.podium.server.meeting.AuthenticationResult.Refused;
import dev.podium.server.store.H2MeetingRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeetingServiceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private H2MeetingRepository repository;
  private MeetingService service;
  private final List<String> events = new ArrayList<>();

  @BeforeEach
  void setUp() {
    repository = H2MeetingRepository.inMemory();
    service =
        new MeetingService(repository, MeetingLimits.DEFAULTS.withMaxConnectedAttendees(3), clock);
    service.addListener(
        new MeetingListener() {
          @Override
          public void onAttendeeDeleted(Attendee attendee) {
            events.add("attendee " + attendee.attendeeId());
          }

          @Override
          public void onMeetingDeleted(Meeting meeting, MeetingDeletionReason reason) {
            events.add("meeting " + meeting.meetingId() + " " + reason);
          }
        });
  }

  @AfterEach
  void tearDown() {
    repository.close();
  }

  private Meeting primary() {
    return service.createMeeting(MeetingSpec.primary());
  }

  private CreatedAttendee attendee(Meeting meeting, String externalUserId) {
    return service.createAttendee(meeting.meetingId(), AttendeeSpec.of(externalUserId));
  }

  @Test
  void joinTokensAreLongRandomAndStoredOnlyAsTheirHash() {
    Meeting meeting = primary();
    CreatedAttendee a = attendee(meeting, "alice");
    CreatedAttendee b = attendee(meeting, "bob");
    assertThat(a.joinToken()).hasSize(JoinTokens.TOKEN_LENGTH).matches("[A-Za-z0-9_-]+");
    assertThat(a.joinToken()).isNotEqualTo(b.joinToken());
    assertThat(a.toString()).doesNotContain(a.joinToken());
    StoredState stored = repository.load();
    assertThat(stored.attendees())
        .extracting(StoredAttendee::tokenHash)
        .containsExactly(JoinTokens.hash(a.joinToken()), JoinTokens.hash(b.joinToken()));
  }

  @Test
  void authenticatesATokenOnlyForItsOwnMeeting() {
    Meeting one = primary();
    Meeting two = primary();
    CreatedAttendee alice = attendee(one, "alice");

    assertThat(service.authenticate(one.meetingId(), alice.joinToken()))
        .isEqualTo(new Authenticated(alice.attendee(), one));
    assertThat(service.authenticate(two.meetingId(), alice.joinToken()))
        .isEqualTo(new Refused(AuthenticationFailure.WRONG_MEETING));
    assertThat(service.authenticate(one.meetingId(), JoinTokens.newToken()))
        .isEqualTo(new Refused(AuthenticationFailure.UNKNOWN_TOKEN));
    assertThat(service.authenticate(MeetingId.random(), JoinTokens.newToken()))
        .isEqualTo(new Refused(AuthenticationFailure.MEETING_NOT_FOUND));
    assertThat(service.authenticate(one.meetingId(), ""))
        .isEqualTo(new Refused(AuthenticationFailure.UNKNOWN_TOKEN));
  }

  @Test
  void deletingAnAttendeeRevokesItsTokenAndTellsListeners() {
    Meeting meeting = primary();
    CreatedAttendee alice = attendee(meeting, "alice");
    assertThat(service.tryConnect(alice.attendee())).isEqualTo(ConnectResult.CONNECTED);

    service.deleteAttendee(meeting.meetingId(), alice.attendee().attendeeId());

    assertThat(service.authenticate(meeting.meetingId(), alice.joinToken()))
        .isEqualTo(new Refused(AuthenticationFailure.ATTENDEE_DELETED));
    assertThat(service.tryConnect(alice.attendee())).isEqualTo(ConnectResult.ATTENDEE_DELETED);
    assertThat(service.connectedCount(meeting.meetingId())).isZero();
    assertThat(events).containsExactly("attendee " + alice.attendee().attendeeId());
  }

  @Test
  void deletingAPrimaryDeletesItsReplicasAndAllTheirAttendees() {
    Meeting primary = primary();
    Meeting replica1 = service.createMeeting(MeetingSpec.replicaOf(primary.meetingId()));
    Meeting replica2 = service.createMeeting(MeetingSpec.replicaOf(primary.meetingId()));
    CreatedAttendee presenter = attendee(primary, "presenter");
    CreatedAttendee viewer = attendee(replica1, "viewer");
    assertThat(viewer.attendee().role()).isEqualTo(AttendeeRole.VIEWER);
    assertThat(presenter.attendee().role()).isEqualTo(AttendeeRole.PRESENTER);

    service.deleteMeeting(primary.meetingId());

    assertThat(service.findMeeting(replica1.meetingId())).isEmpty();
    assertThat(service.findMeeting(replica2.meetingId())).isEmpty();
    assertThat(service.meetingCount()).isZero();
    assertThat(service.attendeeCount()).isZero();
    assertThat(service.authenticate(replica1.meetingId(), viewer.joinToken()))
        .isEqualTo(new Refused(AuthenticationFailure.ATTENDEE_DELETED));
    assertThat(service.authenticate(primary.meetingId(), presenter.joinToken()))
        .isEqualTo(new Refused(AuthenticationFailure.ATTENDEE_DELETED));
    assertThat(events)
        .containsExactly(
            "meeting " + replica1.meetingId() + " PRIMARY_DELETED",
            "meeting " + replica2.meetingId() + " PRIMARY_DELETED",
            "meeting " + primary.meetingId() + " DELETED_BY_API");
  }

  @Test
  void deletingAReplicaLeavesItsPrimaryAndFreesAReplicaSlot() {
    Meeting primary = primary();
    List<Meeting> replicas =
        IntStream.range(0, 4)
            .mapToObj(i -> service.createMeeting(MeetingSpec.replicaOf(primary.meetingId())))
            .toList();
    service.deleteMeeting(replicas.get(0).meetingId());
    assertThat(service.findMeeting(primary.meetingId())).isPresent();
    assertThat(service.replicasOf(primary.meetingId())).hasSize(3);
    assertThat(service.createMeeting(MeetingSpec.replicaOf(primary.meetingId())).isReplica())
        .isTrue();
  }

  @Test
  void refusesReplicaOfReplicaAFifthReplicaAndAMissingPrimary() {
    Meeting primary = primary();
    List<Meeting> replicas = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      replicas.add(service.createMeeting(MeetingSpec.replicaOf(primary.meetingId())));
    }
    assertThatThrownBy(() -> service.createMeeting(MeetingSpec.replicaOf(primary.meetingId())))
        .isInstanceOfSatisfying(
            MeetingServiceException.class,
            e -> assertThat(e.kind()).isEqualTo(MeetingErrorKind.LIMIT_EXCEEDED))
        .hasMessageContaining("4 replicas");
    assertThatThrownBy(
            () -> service.createMeeting(MeetingSpec.replicaOf(replicas.get(0).meetingId())))
        .isInstanceOfSatisfying(
            MeetingServiceException.class,
            e -> assertThat(e.kind()).isEqualTo(MeetingErrorKind.BAD_REQUEST))
        .hasMessageContaining("replicas cannot be replicated");
    assertThatThrownBy(() -> service.createMeeting(MeetingSpec.replicaOf(MeetingId.random())))
        .isInstanceOfSatisfying(
            MeetingServiceException.class,
            e -> assertThat(e.kind()).isEqualTo(MeetingErrorKind.NOT_FOUND))
        .hasMessageContaining("PrimaryMeetingId");
  }

  @Test
  void tryConnectRefusesBeyondCapacityAndCountsEachAttendeeOnce() {
    Meeting meeting = primary();
    List<CreatedAttendee> people =
        IntStream.range(0, 4).mapToObj(i -> attendee(meeting, "user-" + i)).toList();
    for (int i = 0; i < 3; i++) {
      assertThat(service.tryConnect(people.get(i).attendee())).isEqualTo(ConnectResult.CONNECTED);
    }
    // A resumed connection of someone already in does not take a second seat.
    assertThat(service.tryConnect(people.get(0).attendee())).isEqualTo(ConnectResult.CONNECTED);
    assertThat(service.tryConnect(people.get(3).attendee()))
        .isEqualTo(ConnectResult.MEETING_AT_CAPACITY);

    service.disconnected(people.get(1).attendee());
    service.disconnected(people.get(1).attendee());
    assertThat(service.connectedCount(meeting.meetingId())).isEqualTo(2);
    assertThat(service.tryConnect(people.get(3).attendee())).isEqualTo(ConnectResult.CONNECTED);
  }

  @Test
  void meetingMaxCountCapsConnectionsBelowTheServerMaximum() {
    Meeting meeting =
        service.createMeeting(
            new MeetingSpec(
                null, null, null, null, MeetingFeatures.defaults(3).withAttendeeMaxCount(1)));
    CreatedAttendee a = attendee(meeting, "aa");
    CreatedAttendee b = attendee(meeting, "bb");
    assertThat(service.tryConnect(a.attendee())).isEqualTo(ConnectResult.CONNECTED);
    assertThat(service.tryConnect(b.attendee())).isEqualTo(ConnectResult.MEETING_AT_CAPACITY);
  }

  @Test
  void refusesAMaxCountAboveTheServerMaximum() {
    assertThatThrownBy(
            () ->
                service.createMeeting(
                    new MeetingSpec(
                        null,
                        null,
                        null,
                        null,
                        MeetingFeatures.defaults(3).withAttendeeMaxCount(4))))
        .hasMessageContaining("MeetingFeatures.Attendee.MaxCount must be between 1 and 3");
  }

  @Test
  void idleTimerDeletesAPrimaryWithItsReplicasAfterContiguousIdleTime() {
    Meeting primary = primary();
    Meeting replica = service.createMeeting(MeetingSpec.replicaOf(primary.meetingId()));
    CreatedAttendee alice = attendee(primary, "alice");

    clock.advance(Duration.ofMinutes(4));
    assertThat(service.tryConnect(alice.attendee())).isEqualTo(ConnectResult.CONNECTED);
    clock.advance(Duration.ofMinutes(10));
    assertThat(service.sweepIdleMeetings()).isZero();

    service.disconnected(alice.attendee());
    clock.advance(Duration.ofMinutes(4).plusSeconds(59));
    assertThat(service.sweepIdleMeetings()).isZero();
    assertThat(service.findMeeting(primary.meetingId())).isPresent();

    clock.advance(Duration.ofSeconds(1));
    assertThat(service.sweepIdleMeetings()).isEqualTo(1);
    assertThat(service.findMeeting(primary.meetingId())).isEmpty();
    assertThat(service.findMeeting(replica.meetingId())).isEmpty();
    assertThat(events)
        .containsExactly(
            "meeting " + replica.meetingId() + " PRIMARY_DELETED",
            "meeting " + primary.meetingId() + " IDLE_TIMEOUT");
  }

  @Test
  void idleTimerNeverDeletesAReplicaOnItsOwn() {
    Meeting primary = primary();
    Meeting replica = service.createMeeting(MeetingSpec.replicaOf(primary.meetingId()));
    CreatedAttendee presenter = attendee(primary, "presenter");
    service.tryConnect(presenter.attendee());

    clock.advance(Duration.ofHours(3));
    assertThat(service.sweepIdleMeetings()).isZero();
    assertThat(service.findMeeting(replica.meetingId())).isPresent();
  }

  @Test
  void deletingTheLastConnectedAttendeeStartsTheIdleClock() {
    Meeting primary = primary();
    CreatedAttendee alice = attendee(primary, "alice");
    service.tryConnect(alice.attendee());
    clock.advance(Duration.ofMinutes(30));
    service.deleteAttendee(primary.meetingId(), alice.attendee().attendeeId());
    clock.advance(Duration.ofMinutes(5));
    assertThat(service.sweepIdleMeetings()).isEqualTo(1);
  }

  @Test
  void batchCreateReportsEachRefusedItemAndCreatesTheRest() {
    Meeting primary = primary();
    attendee(primary, "taken");
    BatchCreateResult result =
        service.batchCreateAttendees(
            primary.meetingId(),
            List.of(
                AttendeeSpec.of("ok-1"),
                AttendeeSpec.of("x"),
                AttendeeSpec.of("taken"),
                AttendeeSpec.of("ok-1"),
                new AttendeeSpec(
                    "bad-caps",
                    new Capabilities(
                        MediaCapability.SEND_RECEIVE,
                        MediaCapability.NONE,
                        MediaCapability.RECEIVE),
                    null),
                AttendeeSpec.of("ok-2")));
    assertThat(result.attendees())
        .extracting(c -> c.attendee().externalUserId())
        .containsExactly("ok-1", "ok-2");
    assertThat(result.errors())
        .extracting(AttendeeError::externalUserId, AttendeeError::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("x", MeetingErrorKind.BAD_REQUEST),
            org.assertj.core.groups.Tuple.tuple("taken", MeetingErrorKind.CONFLICT),
            org.assertj.core.groups.Tuple.tuple("ok-1", MeetingErrorKind.CONFLICT),
            org.assertj.core.groups.Tuple.tuple("bad-caps", MeetingErrorKind.BAD_REQUEST));
    assertThat(result.errors().get(0).message()).contains("ExternalUserId", "2 to 64");
    assertThat(result.errors().get(3).message()).contains("Capabilities.Content");
  }

  @Test
  void replicaAttendeesCanOnlyBeViewers() {
    Meeting primary = primary();
    Meeting replica = service.createMeeting(MeetingSpec.replicaOf(primary.meetingId()));
    assertThatThrownBy(
            () ->
                service.createAttendee(
                    replica.meetingId(), new AttendeeSpec("hosty", null, AttendeeRole.HOST)))
        .hasMessageContaining("replica attendees are viewers");
    CreatedAttendee host =
        service.createAttendee(
            primary.meetingId(), new AttendeeSpec("hosty", null, AttendeeRole.HOST));
    assertThat(host.attendee().role()).isEqualTo(AttendeeRole.HOST);
  }

  @Test
  void listAttendeesPagesInCreationOrderEvenAcrossDeletions() {
    Meeting meeting = primary();
    List<CreatedAttendee> people =
        IntStream.range(0, 5).mapToObj(i -> attendee(meeting, "user-" + i)).toList();
    AttendeePage first = service.listAttendees(meeting.meetingId(), 2, null);
    assertThat(first.attendees())
        .extracting(Attendee::externalUserId)
        .containsExactly("user-0", "user-1");
    service.deleteAttendee(meeting.meetingId(), people.get(2).attendee().attendeeId());
    AttendeePage second = service.listAttendees(meeting.meetingId(), 2, first.nextToken());
    assertThat(second.attendees())
        .extracting(Attendee::externalUserId)
        .containsExactly("user-3", "user-4");
    assertThat(first.nextToken()).isNotNull();
    assertThat(second.nextToken()).as("the last page has no NextToken").isNull();
    assertThatThrownBy(() -> service.listAttendees(meeting.meetingId(), 2, "garbage!"))
        .hasMessageContaining("next-token is not valid");
  }

  @Test
  void clientRequestTokenMakesCreateMeetingIdempotent() {
    MeetingSpec spec = new MeetingSpec("token-1", "ext", null, null, null);
    Meeting first = service.createMeeting(spec);
    assertThat(service.createMeeting(spec)).isEqualTo(first);
    service.deleteMeeting(first.meetingId());
    assertThat(service.createMeeting(spec).meetingId()).isNotEqualTo(first.meetingId());
  }

  @Test
  void aFailingListenerDoesNotStopOthers() {
    service.addListener(
        new MeetingListener() {
          @Override
          public void onAttendeeDeleted(Attendee attendee) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void onMeetingDeleted(Meeting meeting, MeetingDeletionReason reason) {
            throw new IllegalStateException("boom");
          }
        });
    Meeting meeting = primary();
    service.deleteMeeting(meeting.meetingId());
    assertThat(events).hasSize(1);
  }
}
