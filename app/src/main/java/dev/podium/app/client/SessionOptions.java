package dev.podium.app.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of a {@link MeetingSession}; {@link #defaults()} suits a desktop client. Copy-on-write:
 * each {@code withXxx} returns a new instance.
 *
 * @param audioMode which audio module to use
 * @param icePolicy how to gather candidates
 * @param audioInput microphone to use, or null for the system default
 * @param audioOutput speaker to use, or null for the system default
 * @param remoteAudioListener receives the meeting audio as PCM, or null
 * @param maxRemoteVideos most remote video sources received at once (tiles beyond are not shown)
 * @param simulcast send local video as two layers (half and full size)
 * @param minPort lowest local UDP port, or 0 for any
 * @param maxPort highest local UDP port, or 0 for any
 * @param operationTimeout limit for one server round trip or one webrtc operation
 * @param pingInterval keep-alive period (the server closes connections idle for 120 s)
 * @param resumeWindow how long to retry a dropped WebSocket (the server keeps the session 30 s)
 * @param autoAcceptStageInvitation a replica viewer that a host brings to the stage promotes itself
 *     with the invitation's credentials (observers still get {@code onStageInvitationReceived})
 * @param audioGenerator sends this PCM instead of the audio module's microphone (bots, load tools,
 *     tests; see {@link AudioGenerator}), or null for the microphone
 */
public record SessionOptions(
    AudioMode audioMode,
    IcePolicy icePolicy,
    MediaDeviceInfo audioInput,
    MediaDeviceInfo audioOutput,
    RemoteAudioListener remoteAudioListener,
    int maxRemoteVideos,
    boolean simulcast,
    int minPort,
    int maxPort,
    Duration operationTimeout,
    Duration pingInterval,
    Duration resumeWindow,
    boolean autoAcceptStageInvitation,
    AudioGenerator audioGenerator) {

  public SessionOptions {
    Objects.requireNonNull(audioMode, "audioMode");
    Objects.requireNonNull(icePolicy, "icePolicy");
    Objects.requireNonNull(operationTimeout, "operationTimeout");
    Objects.requireNonNull(pingInterval, "pingInterval");
    Objects.requireNonNull(resumeWindow, "resumeWindow");
    if (maxRemoteVideos < 0 || maxRemoteVideos > 64) {
      throw new IllegalArgumentException("maxRemoteVideos must be 0-64");
    }
    if (minPort < 0 || maxPort > 65535 || minPort > maxPort) {
      throw new IllegalArgumentException("bad port range " + minPort + "-" + maxPort);
    }
  }

  /** The options of the first SDK version (no stage auto-accept, the module's microphone). */
  public SessionOptions(
      AudioMode audioMode,
      IcePolicy icePolicy,
      MediaDeviceInfo audioInput,
      MediaDeviceInfo audioOutput,
      RemoteAudioListener remoteAudioListener,
      int maxRemoteVideos,
      boolean simulcast,
      int minPort,
      int maxPort,
      Duration operationTimeout,
      Duration pingInterval,
      Duration resumeWindow) {
    this(
        audioMode,
        icePolicy,
        audioInput,
        audioOutput,
        remoteAudioListener,
        maxRemoteVideos,
        simulcast,
        minPort,
        maxPort,
        operationTimeout,
        pingInterval,
        resumeWindow,
        false,
        null);
  }

  /**
   * AUTO audio and ICE, default devices, 16 remote videos, simulcast on, 10 s operations, stage
   * invitations not accepted automatically, the microphone.
   */
  public static SessionOptions defaults() {
    return new SessionOptions(
        AudioMode.AUTO,
        IcePolicy.AUTO,
        null,
        null,
        null,
        16,
        true,
        0,
        0,
        Duration.ofSeconds(10),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        false,
        null);
  }

  public SessionOptions withAudioMode(AudioMode value) {
    return new SessionOptions(
        value,
        icePolicy,
        audioInput,
        audioOutput,
        remoteAudioListener,
        maxRemoteVideos,
        simulcast,
        minPort,
        maxPort,
        operationTimeout,
        pingInterval,
        resumeWindow,
        autoAcceptStageInvitation,
        audioGenerator);
  }

  public SessionOptions withIcePolicy(IcePolicy value) {
    return new SessionOptions(
        audioMode,
        value,
        audioInput,
        audioOutput,
        remoteAudioListener,
        maxRemoteVideos,
        simulcast,
        minPort,
        maxPort,
        operationTimeout,
        pingInterval,
        resumeWindow,
        autoAcceptStageInvitation,
        audioGenerator);
  }

  /** Chooses the microphone and speaker (null for the defaults). */
  public SessionOptions withAudioDevices(MediaDeviceInfo input, MediaDeviceInfo output) {
    return new SessionOptions(
        audioMode,
        icePolicy,
        input,
        output,
        remoteAudioListener,
        maxRemoteVideos,
        simulcast,
        minPort,
        maxPort,
        operationTimeout,
        pingInterval,
        resumeWindow,
        autoAcceptStageInvitation,
        audioGenerator);
  }

  public SessionOptions withRemoteAudioListener(RemoteAudioListener value) {
    return new SessionOptions(
        audioMode,
        icePolicy,
        audioInput,
        audioOutput,
        value,
        maxRemoteVideos,
        simulcast,
        minPort,
        maxPort,
        operationTimeout,
        pingInterval,
        resumeWindow,
        autoAcceptStageInvitation,
        audioGenerator);
  }

  public SessionOptions withMaxRemoteVideos(int value) {
    return new SessionOptions(
        audioMode,
        icePolicy,
        audioInput,
        audioOutput,
        remoteAudioListener,
        value,
        simulcast,
        minPort,
        maxPort,
        operationTimeout,
        pingInterval,
        resumeWindow,
        autoAcceptStageInvitation,
        audioGenerator);
  }

  public SessionOptions withSimulcast(boolean value) {
    return new SessionOptions(
        audioMode,
        icePolicy,
        audioInput,
        audioOutput,
        remoteAudioListener,
        maxRemoteVideos,
        value,
        minPort,
        maxPort,
        operationTimeout,
        pingInterval,
        resumeWindow,
        autoAcceptStageInvitation,
        audioGenerator);
  }

  public SessionOptions withPortRange(int min, int max) {
    return new SessionOptions(
        audioMode,
        icePolicy,
        audioInput,
        audioOutput,
        remoteAudioListener,
        maxRemoteVideos,
        simulcast,
        min,
        max,
        operationTimeout,
        pingInterval,
        resumeWindow,
        autoAcceptStageInvitation,
        audioGenerator);
  }

  public SessionOptions withOperationTimeout(Duration value) {
    return new SessionOptions(
        audioMode,
        icePolicy,
        audioInput,
        audioOutput,
        remoteAudioListener,
        maxRemoteVideos,
        simulcast,
        minPort,
        maxPort,
        value,
        pingInterval,
        resumeWindow,
        autoAcceptStageInvitation,
        audioGenerator);
  }

  public SessionOptions withPingInterval(Duration value) {
    return new SessionOptions(
        audioMode,
        icePolicy,
        audioInput,
        audioOutput,
        remoteAudioListener,
        maxRemoteVideos,
        simulcast,
        minPort,
        maxPort,
        operationTimeout,
        value,
        resumeWindow,
        autoAcceptStageInvitation,
        audioGenerator);
  }

  public SessionOptions withResumeWindow(Duration value) {
    return new SessionOptions(
        audioMode,
        icePolicy,
        audioInput,
        audioOutput,
        remoteAudioListener,
        maxRemoteVideos,
        simulcast,
        minPort,
        maxPort,
        operationTimeout,
        pingInterval,
        value,
        autoAcceptStageInvitation,
        audioGenerator);
  }

  /** Whether a viewer brought to the stage promotes itself at once (default false). */
  public SessionOptions withAutoAcceptStageInvitation(boolean value) {
    return new SessionOptions(
        audioMode,
        icePolicy,
        audioInput,
        audioOutput,
        remoteAudioListener,
        maxRemoteVideos,
        simulcast,
        minPort,
        maxPort,
        operationTimeout,
        pingInterval,
        resumeWindow,
        value,
        audioGenerator);
  }

  /** Sends generated PCM instead of the microphone (null: the microphone). */
  public SessionOptions withAudioGenerator(AudioGenerator value) {
    return new SessionOptions(
        audioMode,
        icePolicy,
        audioInput,
        audioOutput,
        remoteAudioListener,
        maxRemoteVideos,
        simulcast,
        minPort,
        maxPort,
        operationTimeout,
        pingInterval,
        resumeWindow,
        autoAcceptStageInvitation,
        value);
  }
}
