package dev.podium.app.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.app.client.MeetingSessionStatus;
import dev.podium.app.client.VideoTile;
import dev.podium.app.meeting.ConnectionState;
import dev.podium.app.meeting.FakeMeetingGateway;
import dev.podium.app.meeting.FakeWebinar;
import dev.podium.server.protocol.ServerMessage.AttendeeInfo;
import dev.podium.server.protocol.ServerMessage.PresenceState;
import dev.podium.server.protocol.ServerMessage.Volume;
import dev.podium.server.protocol.StatusCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingViewModelTest {

  @Test
  void presenceTilesMuteAndActiveSpeakerShapeTheStage() {
    FakeMeetingGateway gw = new FakeMeetingGateway("me", "Me", "presenter");
    MeetingViewModel vm = new MeetingViewModel(gw, Runnable::run);
    vm.onJoined();
    gw.fire(
        l ->
            l.onAttendeePresence(
                new AttendeeInfo("a", "Ana", "presenter", false), PresenceState.JOINED));
    gw.fire(
        l ->
            l.onAttendeePresence(
                new AttendeeInfo("v", "Vic", "viewer", true), PresenceState.JOINED));
    gw.fire(l -> l.onTileAdded(new VideoTile(7, "a", "Ana", "s1", 0, 0)));
    assertThat(vm.stage()).extracting(ParticipantItem::name).containsExactly("Ana");
    assertThat(vm.stage().get(0).tileIdProperty().get()).isEqualTo(7);
    gw.fire(l -> l.onMuteStateChanged("a", true));
    assertThat(vm.stage().get(0).mutedProperty().get()).isTrue();
    gw.fire(l -> l.onActiveSpeakersChanged(List.of("a")));
    assertThat(vm.stage().get(0).speakingProperty().get()).isTrue();
    gw.fire(l -> l.onVolumesChanged(List.of(new Volume("a", 0.6, 1, false))));
    assertThat(vm.stage().get(0).volumeProperty().get()).isEqualTo(0.6);
    gw.fire(l -> l.onTileRemoved(new VideoTile(7, "a", "Ana", "s1", 0, 0)));
    assertThat(vm.stage().get(0).hasVideo()).isFalse();
    gw.fire(
        l ->
            l.onAttendeePresence(
                new AttendeeInfo("a", "Ana", "presenter", false), PresenceState.LEFT));
    assertThat(vm.stage()).isEmpty();
  }

  @Test
  void toolbarActionsReachTheGatewayAndFailuresShowPlainly() {
    FakeMeetingGateway gw = new FakeMeetingGateway("me", "Me", "presenter");
    MeetingViewModel vm = new MeetingViewModel(gw, Runnable::run);
    assertThat(vm.mutedProperty().get()).isTrue();
    vm.toggleMute();
    vm.toggleCamera();
    assertThat(gw.calls).containsExactly("mute false", "camera true");
    assertThat(vm.mutedProperty().get()).isFalse();
    assertThat(vm.cameraOnProperty().get()).isTrue();
    vm.toggleScreenShare();
    assertThat(vm.sharingProperty().get()).isFalse();
    assertThat(vm.bannerProperty().get())
        .isEqualTo("Sharing the screen is not available on this server yet.");
  }

  @Test
  void connectionStateAndEndingAreShown() {
    FakeMeetingGateway gw = new FakeMeetingGateway("me", "Me", "presenter");
    MeetingViewModel vm = new MeetingViewModel(gw, Runnable::run);
    gw.fire(l -> l.onConnectionChanged(ConnectionState.RECONNECTING));
    assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.RECONNECTING);
    gw.fire(l -> l.onSessionEnded(MeetingSessionStatus.of(StatusCode.MEETING_ENDED, "x")));
    assertThat(vm.modeProperty().get()).isEqualTo(MeetingMode.ENDED);
    assertThat(vm.endedMessageProperty().get()).isEqualTo("The host ended the meeting.");
  }

  @Test
  void viewerIsPromotedByTheHostAndSentBackWithTheReason() {
    FakeWebinar webinar = new FakeWebinar();
    FakeMeetingGateway hostGw = webinar.join(new FakeMeetingGateway("h", "Hana", "host"));
    FakeMeetingGateway viewerGw = webinar.join(new FakeMeetingGateway("v1", "Vic", "viewer"));
    MeetingViewModel host = new MeetingViewModel(hostGw, Runnable::run);
    MeetingViewModel viewer = new MeetingViewModel(viewerGw, Runnable::run);
    List<String> toasts = new ArrayList<>();
    host.setNotifier(toasts::add);
    host.onJoined();
    viewer.onJoined();
    assertThat(viewer.modeProperty().get()).isEqualTo(MeetingMode.SPECTATOR);
    assertThat(viewer.chat().sendAllowedProperty().get()).isFalse();
    assertThat(viewerGw.calls).noneMatch(c -> c.startsWith("mute") || c.startsWith("camera"));

    viewer.toggleHand();
    assertThat(viewer.handRaisedProperty().get()).isTrue();
    assertThat(host.hands()).extracting(h -> h.externalUserId()).containsExactly("Vic");
    assertThat(toasts).contains("Vic raised a hand");

    hostGw.hostAction(dev.podium.app.meeting.HostAction.BRING_TO_STAGE, "v1");
    assertThat(host.hands()).isEmpty();
    assertThat(viewer.modeProperty().get()).isEqualTo(MeetingMode.PRESENTER);
    assertThat(viewer.promotedProperty().get()).isTrue();
    assertThat(viewer.handRaisedProperty().get()).isFalse();
    assertThat(viewer.chat().sendAllowedProperty().get()).isTrue();
    assertThat(host.stage()).extracting(ParticipantItem::name).containsExactly("Vic");

    hostGw.hostAction(dev.podium.app.meeting.HostAction.SEND_BACK, "P-1");
    assertThat(viewer.modeProperty().get()).isEqualTo(MeetingMode.SPECTATOR);
    assertThat(viewer.bannerProperty().get()).isEqualTo("The host sent you back to the audience.");
    assertThat(host.stage()).isEmpty();
  }

  @Test
  void leavingTheStageIsTheViewersOwnChoice() {
    FakeWebinar webinar = new FakeWebinar();
    FakeMeetingGateway hostGw = webinar.join(new FakeMeetingGateway("h", "Hana", "host"));
    FakeMeetingGateway viewerGw = webinar.join(new FakeMeetingGateway("v1", "Vic", "viewer"));
    MeetingViewModel viewer = new MeetingViewModel(viewerGw, Runnable::run);
    hostGw.hostAction(dev.podium.app.meeting.HostAction.BRING_TO_STAGE, "v1");
    // Without a raised hand the invitation waits for the viewer's answer.
    assertThat(viewer.stageInvitationProperty().get()).isTrue();
    assertThat(viewer.modeProperty().get()).isEqualTo(MeetingMode.SPECTATOR);
    viewer.acceptStageInvitation();
    assertThat(viewer.stageInvitationProperty().get()).isFalse();
    assertThat(viewer.modeProperty().get()).isEqualTo(MeetingMode.PRESENTER);
    viewer.leaveStage();
    assertThat(viewer.modeProperty().get()).isEqualTo(MeetingMode.SPECTATOR);
    assertThat(viewer.bannerProperty().get()).contains("You left the stage");
  }

  @Test
  void aDeclinedInvitationLeavesTheViewerInTheAudience() {
    FakeWebinar webinar = new FakeWebinar();
    FakeMeetingGateway hostGw = webinar.join(new FakeMeetingGateway("h", "Hana", "host"));
    FakeMeetingGateway viewerGw = webinar.join(new FakeMeetingGateway("v1", "Vic", "viewer"));
    MeetingViewModel viewer = new MeetingViewModel(viewerGw, Runnable::run);
    hostGw.hostAction(dev.podium.app.meeting.HostAction.BRING_TO_STAGE, "v1");
    viewer.declineStageInvitation();
    assertThat(viewer.stageInvitationProperty().get()).isFalse();
    assertThat(viewer.modeProperty().get()).isEqualTo(MeetingMode.SPECTATOR);
    assertThat(viewerGw.calls).doesNotContain("accept-invitation");
  }

  @Test
  void captionsToggleFollowsTheMeetingsTranscriptionStatus() {
    FakeMeetingGateway gw = new FakeMeetingGateway("h", "Hana", "host");
    MeetingViewModel host = new MeetingViewModel(gw, Runnable::run);
    host.toggleCaptionsRunning();
    assertThat(gw.calls).contains("captions true");
    // Nothing changes until the server says so.
    assertThat(host.captions().runningProperty().get()).isFalse();
    gw.fire(
        l ->
            l.onTranscript(
                dev.podium.app.TestTranscripts.status(
                    dev.podium.app.client.TranscriptionStatusType.STARTED)));
    assertThat(host.captions().runningProperty().get()).isTrue();
    host.toggleCaptionsRunning();
    assertThat(gw.calls).contains("captions false");
    gw.fire(
        l ->
            l.onTranscript(
                new dev.podium.app.client.TranscriptionStatus(
                    dev.podium.app.client.TranscriptionStatusType.FAILED, 1, "en-US", "no model")));
    assertThat(host.captions().runningProperty().get()).isFalse();
    assertThat(host.bannerProperty().get()).isEqualTo("Captions failed: no model");
  }
}
