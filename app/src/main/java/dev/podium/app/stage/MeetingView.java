package dev.podium.app.stage;

import dev.podium.app.Icons;
import dev.podium.app.Ui;
import dev.podium.app.audience.SpectatorControls;
import dev.podium.app.captions.CaptionsView;
import dev.podium.app.chat.ChatView;
import dev.podium.app.host.HostConsoleView;
import dev.podium.app.host.HostConsoleViewModel;
import dev.podium.app.meeting.ConnectionState;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meeting window's content. One window serves both roles: presenter controls on the stage,
 * spectator controls in the audience; promotion and demotion switch them in place. Overlays: a
 * message banner, the reconnecting banner and the "meeting ended" card.
 */
public final class MeetingView extends StackPane {
  private static final Logger LOG = LoggerFactory.getLogger(MeetingView.class);

  private final MeetingViewModel model;
  private final HostConsoleViewModel hostModel;
  private final BorderPane root = new BorderPane();
  private final StackPane side = new StackPane();
  private final ChatView chatView;
  private final PeopleView peopleView;
  private final HostConsoleView hostView;
  private final SelfView selfView;
  private boolean notificationsEnabled = true;

  /**
   * @param hostModel the host console's model for hosts, or null
   * @param onClose back to the start screen (after the meeting ended)
   */
  public MeetingView(MeetingViewModel model, HostConsoleViewModel hostModel, Runnable onClose) {
    this.model = model;
    this.hostModel = hostModel;
    setId("meeting-view");
    getStyleClass().add("meeting-view");
    chatView = new ChatView(model.chat());
    peopleView = new PeopleView(model);
    hostView = hostModel != null ? new HostConsoleView(hostModel) : null;
    selfView = new SelfView(model);

    root.setTop(topBar());
    VideoGridView grid = new VideoGridView(model.grid(), model.gateway());
    CaptionsView captions = new CaptionsView(model.captions());
    // Captions and the self view share a strip under the grid, so neither covers a tile.
    Region stripSpacer = new Region();
    HBox.setHgrow(captions, Priority.ALWAYS);
    HBox.setHgrow(stripSpacer, Priority.ALWAYS);
    HBox strip = new HBox(captions, stripSpacer, selfView);
    strip.setId("stage-strip");
    strip.getStyleClass().add("stage-strip");
    strip.setAlignment(Pos.BOTTOM_LEFT);
    strip.visibleProperty().bind(captions.visibleProperty().or(selfView.visibleProperty()));
    strip.managedProperty().bind(strip.visibleProperty());
    VBox.setVgrow(grid, Priority.ALWAYS);
    // Tiles ask for all the space they can get; the grid takes what the strip leaves.
    grid.setMinSize(0, 0);
    grid.setPrefSize(100, 100);
    VBox stageArea = new VBox(grid, strip);
    stageArea.getStyleClass().add("stage-area");
    root.setCenter(stageArea);
    side.getStyleClass().add("side");
    root.setRight(side);
    getChildren().add(root);
    getChildren().addAll(banner(), invitationCard(), reconnecting(), endedCard(onClose));

    model.modeProperty().addListener((o, a, b) -> applyMode());
    model.panelProperty().addListener((o, a, b) -> applyPanel());
    applyMode();
    model.setNotifier(this::notify);
    sceneProperty().addListener((o, a, scene) -> installShortcuts(scene));
  }

  /** Turns the ControlsFX toasts off (screenshots, tests). */
  public void setNotificationsEnabled(boolean enabled) {
    this.notificationsEnabled = enabled;
  }

  private Node topBar() {
    Label title = new Label();
    title.setId("meeting-title");
    title.getStyleClass().add("meeting-title");
    title.textProperty().bind(model.titleProperty());
    Label live = new Label("LIVE");
    live.getStyleClass().add("live-badge");
    Label role = new Label();
    role.setId("role-label");
    role.getStyleClass().add("role-chip");
    role.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    switch (model.modeProperty().get()) {
                      case SPECTATOR -> "Audience";
                      case ENDED -> "Ended";
                      case PRESENTER -> model.hostProperty().get() ? "Host" : "On stage";
                    },
                model.modeProperty(),
                model.hostProperty()));
    Label viewers = new Label();
    viewers.setId("top-viewers");
    viewers.getStyleClass().add("muted-text");
    viewers
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.viewersProperty().get() < 0
                        ? ""
                        : model.viewersProperty().get() + " watching",
                model.viewersProperty()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox quality = new HBox(6, Icons.icon(Icons.SIGNAL), new Label());
    quality.setId("connection-quality");
    quality.getStyleClass().add("quality");
    quality.setAlignment(Pos.CENTER);
    Label qualityText = (Label) quality.getChildren().get(1);
    model.connectionProperty().addListener((o, a, s) -> showQuality(quality, qualityText, s));
    showQuality(quality, qualityText, model.connectionProperty().get());
    HBox bar = new HBox(12, live, title, role, spacer, viewers, quality);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("top-bar");
    return bar;
  }

  private static void showQuality(HBox box, Label text, ConnectionState state) {
    box.getStyleClass().removeAll("good", "poor", "bad");
    switch (state) {
      case GOOD -> {
        box.getStyleClass().add("good");
        text.setText("Good connection");
      }
      case POOR -> {
        box.getStyleClass().add("poor");
        text.setText("Unstable connection");
      }
      case CONNECTING -> {
        box.getStyleClass().add("poor");
        text.setText("Connecting");
      }
      case RECONNECTING, ENDED -> {
        box.getStyleClass().add("bad");
        text.setText(state == ConnectionState.ENDED ? "Disconnected" : "Reconnecting");
      }
    }
  }

  private Node banner() {
    Label text = new Label();
    text.setId("meeting-banner-text");
    text.setWrapText(true);
    text.textProperty().bind(model.bannerProperty());
    Button close = new Button("Dismiss");
    close.getStyleClass().add("small");
    close.setOnAction(e -> model.dismissBanner());
    HBox box = new HBox(12, text, close);
    box.setId("meeting-banner");
    box.getStyleClass().add("banner");
    box.setAlignment(Pos.CENTER_LEFT);
    box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    Ui.showWhen(box, model.bannerProperty().isNotEmpty());
    StackPane.setAlignment(box, Pos.TOP_CENTER);
    StackPane.setMargin(box, new Insets(64, 0, 0, 0));
    return box;
  }

  /** A host invited this spectator to the stage: join now or not. */
  private Node invitationCard() {
    Label text = new Label("The host invites you to the stage.");
    text.setId("stage-invitation-text");
    Button join = new Button("Join stage");
    join.setId("join-stage-button");
    join.getStyleClass().addAll("accent", "small");
    join.setOnAction(e -> model.acceptStageInvitation());
    Button later = new Button("Not now");
    later.setId("decline-stage-button");
    later.getStyleClass().add("small");
    later.setOnAction(e -> model.declineStageInvitation());
    HBox box = new HBox(12, Icons.icon(Icons.HAND), text, join, later);
    box.setId("stage-invitation");
    box.getStyleClass().addAll("banner", "stage-invitation");
    box.setAlignment(Pos.CENTER_LEFT);
    box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    Ui.showWhen(box, model.stageInvitationProperty());
    StackPane.setAlignment(box, Pos.TOP_CENTER);
    StackPane.setMargin(box, new Insets(120, 0, 0, 0));
    return box;
  }

  private Node reconnecting() {
    Label text = new Label("Connection lost. Reconnecting…");
    HBox box = new HBox(text);
    box.setId("reconnecting-banner");
    box.getStyleClass().addAll("banner", "warning");
    box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    Ui.showWhen(box, model.connectionProperty().isEqualTo(ConnectionState.RECONNECTING));
    StackPane.setAlignment(box, Pos.TOP_CENTER);
    StackPane.setMargin(box, new Insets(64, 0, 0, 0));
    return box;
  }

  private Node endedCard(Runnable onClose) {
    Label title = new Label("The meeting has ended");
    title.getStyleClass().add("card-title");
    Label why = new Label();
    why.setId("ended-message");
    why.setWrapText(true);
    why.textProperty().bind(model.endedMessageProperty());
    Button back = new Button("Back to start");
    back.setId("back-to-start");
    back.getStyleClass().add("accent");
    back.setOnAction(e -> onClose.run());
    VBox card = new VBox(14, title, why, back);
    card.getStyleClass().add("card");
    card.setAlignment(Pos.CENTER);
    card.setMaxSize(420, USE_PREF_SIZE);
    StackPane scrim = new StackPane(card);
    scrim.setId("ended-overlay");
    scrim.getStyleClass().add("scrim");
    Ui.showWhen(scrim, model.modeProperty().isEqualTo(MeetingMode.ENDED));
    return scrim;
  }

  private void applyMode() {
    MeetingMode mode = model.modeProperty().get();
    boolean spectator = mode == MeetingMode.SPECTATOR;
    root.setBottom(spectator ? new SpectatorControls(model) : new PresenterControls(model));
    selfView.setVisible(!spectator);
    selfView.setManaged(!spectator);
    getStyleClass().removeAll("mode-presenter", "mode-spectator");
    getStyleClass().add(spectator ? "mode-spectator" : "mode-presenter");
    applyPanel();
  }

  private void applyPanel() {
    SidePanel panel = model.panelProperty().get();
    boolean spectator = model.modeProperty().get() == MeetingMode.SPECTATOR;
    Node content =
        switch (panel) {
          case CHAT -> chatView;
          case PEOPLE -> spectator ? chatView : peopleView;
          case HOST -> hostView != null && !spectator ? hostView : chatView;
          case NONE -> null;
        };
    side.getChildren().setAll(content == null ? java.util.List.of() : java.util.List.of(content));
    side.setVisible(content != null);
    side.setManaged(content != null);
  }

  private void installShortcuts(Scene scene) {
    if (scene == null) {
      return;
    }
    var acc = scene.getAccelerators();
    acc.put(
        new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
        () -> {
          if (model.modeProperty().get() == MeetingMode.PRESENTER) {
            model.toggleMute();
          }
        });
    acc.put(
        new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
        () -> {
          if (model.modeProperty().get() == MeetingMode.PRESENTER) {
            model.toggleCamera();
          }
        });
    acc.put(
        new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
        () -> {
          if (model.modeProperty().get() == MeetingMode.SPECTATOR) {
            model.toggleHand();
          }
        });
    acc.put(
        new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
        model::toggleChat);
    acc.put(
        new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
        model::toggleCaptions);
  }

  private void notify(String text) {
    if (!notificationsEnabled || getScene() == null || getScene().getWindow() == null) {
      return;
    }
    try {
      Notifications.create()
          .owner(getScene().getWindow())
          .text(text)
          .position(Pos.TOP_RIGHT)
          .hideAfter(javafx.util.Duration.seconds(4))
          .darkStyle()
          .show();
    } catch (RuntimeException e) {
      LOG.debug("Notification not shown: {}", text, e);
    }
  }
}
