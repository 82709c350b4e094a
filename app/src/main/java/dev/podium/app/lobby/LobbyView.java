package dev.podium.app.lobby;

import dev.podium.app.Icons;
import dev.podium.app.Ui;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The start screen: join with a link, host a webinar, recent meetings. */
public final class LobbyView extends StackPane {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM, HH:mm").withZone(ZoneId.systemDefault());

  public LobbyView(LobbyViewModel model, Runnable openDeviceSetup) {
    setId("lobby-view");
    getStyleClass().add("lobby");

    Label brand = new Label("Podium");
    brand.getStyleClass().add("brand");
    Label tagline = new Label("Meetings and webinars, hosted by you.");
    tagline.getStyleClass().add("tagline");

    // Join card
    Label joinTitle = new Label("Join a meeting");
    joinTitle.getStyleClass().add("card-title");
    TextField link = new TextField();
    link.setId("join-link");
    link.setPromptText("Paste a podium:// or https://…/join link");
    link.textProperty().bindBidirectional(model.linkProperty());
    link.setOnAction(e -> model.join());
    HBox.setHgrow(link, Priority.ALWAYS);
    Button join = new Button("Join");
    join.setId("join-button");
    join.getStyleClass().add("accent");
    join.setDefaultButton(true);
    join.disableProperty().bind(model.canJoinProperty().not());
    join.setOnAction(e -> model.join());
    HBox joinRow = new HBox(8, link, join);
    joinRow.setAlignment(Pos.CENTER_LEFT);
    Label error = new Label();
    error.setId("join-error");
    error.getStyleClass().add("error-text");
    error.setWrapText(true);
    error.textProperty().bind(model.errorProperty());
    Ui.showWhen(error, model.errorProperty().isNotEmpty());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    Label progressText = new Label();
    progressText.setId("join-progress");
    progressText.textProperty().bind(model.progressProperty());
    HBox progress = new HBox(8, spinner, progressText);
    progress.setAlignment(Pos.CENTER_LEFT);
    Ui.showWhen(progress, model.busyProperty());
    VBox joinCard = new VBox(12, joinTitle, joinRow, error, progress);
    joinCard.getStyleClass().add("card");

    // Host card
    Label hostTitle = new Label("Host a webinar from this laptop");
    hostTitle.getStyleClass().add("card-title");
    Label hostText =
        new Label(
            "Starts a Podium server on this computer and puts you on stage as host."
                + " Invite presenters and an audience with links or a QR code.");
    hostText.setWrapText(true);
    hostText.getStyleClass().add("muted-text");
    TextField name = new TextField();
    name.setId("host-name");
    name.setPromptText("Your name");
    name.textProperty().bindBidirectional(model.hostNameProperty());
    HBox.setHgrow(name, Priority.ALWAYS);
    Button host = new Button("Host webinar", Icons.icon(Icons.HOST));
    host.setId("host-button-start");
    host.getStyleClass().add("secondary");
    host.disableProperty().bind(model.busyProperty());
    host.setOnAction(e -> model.hostWebinar());
    HBox hostRow = new HBox(8, name, host);
    hostRow.setAlignment(Pos.CENTER_LEFT);
    VBox hostCard = new VBox(12, hostTitle, hostText, hostRow);
    hostCard.getStyleClass().add("card");

    // Recent
    Label recentTitle = new Label("Recent meetings");
    recentTitle.getStyleClass().add("section-title");
    ListView<RecentMeeting> recent = new ListView<>(model.recent());
    recent.setId("recent-meetings");
    recent.setPrefHeight(150);
    recent.setPlaceholder(new Label("Meetings you join appear here."));
    recent.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(RecentMeeting m, boolean empty) {
                super.updateItem(m, empty);
                if (empty || m == null) {
                  setGraphic(null);
                  return;
                }
                Label t = new Label(m.title());
                t.getStyleClass().add("person-name");
                Label when = new Label(WHEN.format(Instant.ofEpochMilli(m.lastJoinedMs())));
                when.getStyleClass().add("muted-text");
                Button again = new Button("Join");
                again.getStyleClass().add("small");
                again.setOnAction(e -> model.rejoin(m));
                javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                HBox row = new HBox(10, new VBox(t, when), spacer, again);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
              }
            });
    VBox recentBox = new VBox(8, recentTitle, recent);

    Button devices = new Button("Audio and video settings", Icons.icon(Icons.SETTINGS));
    devices.setId("open-device-setup");
    devices.getStyleClass().add("link-button");
    devices.setOnAction(e -> openDeviceSetup.run());

    VBox column = new VBox(18, brand, tagline, joinCard, hostCard, recentBox, devices);
    column.setMaxWidth(560);
    column.setAlignment(Pos.TOP_CENTER);
    column.getStyleClass().add("lobby-column");
    getChildren().add(column);
    StackPane.setAlignment(column, Pos.CENTER);
  }
}
