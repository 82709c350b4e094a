package dev.podium.app.host;

import dev.podium.app.Icons;
import dev.podium.app.stage.ParticipantItem;
import dev.podium.server.protocol.ServerMessage.Hand;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The host console panel (see {@link HostConsoleViewModel}): audience counts, captions on/off and
 * the last outcome on top; then either the stage (raised hands, presenters) or the invitations
 * (links, QR code), switched by two tabs so each fits without scrolling; "End webinar" stays at the
 * bottom.
 */
public final class HostConsoleView extends VBox {
  private final HostConsoleViewModel model;
  private final VBox handsBox = new VBox(6);
  private final VBox presentersBox = new VBox(6);

  public HostConsoleView(HostConsoleViewModel model) {
    this.model = model;
    setId("host-console");
    getStyleClass().addAll("side-panel", "host-console");
    setSpacing(12);
    model.setClipboard(
        text -> {
          ClipboardContent content = new ClipboardContent();
          content.putString(text);
          Clipboard.getSystemClipboard().setContent(content);
        });

    Label title = new Label("Host console");
    title.getStyleClass().add("panel-title");

    Label counts = new Label();
    counts.setId("audience-counts");
    counts.getStyleClass().add("stat");
    var meeting = model.meeting();
    counts
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    Math.max(0, meeting.viewersProperty().get())
                        + " viewers  ·  "
                        + meeting.replicasProperty().get()
                        + " replicas",
                meeting.viewersProperty(),
                meeting.replicasProperty()));

    Label message = new Label();
    message.setId("host-message");
    message.getStyleClass().add("host-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    message.visibleProperty().bind(model.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());

    Label handsTitle = section("Raised hands");
    handsTitle
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> "Raised hands (" + model.hands().size() + ")", model.hands()));
    model.hands().addListener((javafx.collections.ListChangeListener<Hand>) c -> renderHands());
    Label presentersTitle = section("Presenters");
    model
        .presenters()
        .addListener(
            (javafx.collections.ListChangeListener<ParticipantItem>) c -> renderPresenters());
    VBox stageContent = new VBox(12, handsTitle, handsBox, presentersTitle, presentersBox);
    stageContent.getStyleClass().add("host-content");
    VBox inviteContent = invitesSection();
    inviteContent.getStyleClass().add("host-content");

    ScrollPane body = new ScrollPane(stageContent);
    body.setId("host-console-body");
    body.getStyleClass().add("host-body");
    body.setFitToWidth(true);
    body.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    VBox.setVgrow(body, Priority.ALWAYS);

    ToggleGroup tabs = new ToggleGroup();
    ToggleButton stageTab = tab("Stage", "host-tab-stage", tabs);
    ToggleButton inviteTab = tab("Invite", "host-tab-invite", tabs);
    stageTab.setSelected(true);
    tabs.selectedToggleProperty()
        .addListener(
            (o, before, now) -> {
              if (now == null) {
                before.setSelected(true); // one tab is always chosen
              } else {
                body.setContent(now == inviteTab ? inviteContent : stageContent);
              }
            });
    HBox tabRow = new HBox(6, stageTab, inviteTab);
    tabRow.getStyleClass().add("host-tabs");

    Button end = new Button("End webinar");
    end.setId("end-webinar");
    end.getStyleClass().add("danger");
    end.setMaxWidth(Double.MAX_VALUE);
    end.setOnAction(e -> model.endWebinar());

    getChildren().addAll(title, counts, captionsRow(), message, tabRow, body, end);
    renderHands();
    renderPresenters();
  }

  /** Captions on/off for everyone, with the last status. */
  private HBox captionsRow() {
    var captions = model.meeting().captions();
    Label state = new Label();
    state.setId("captions-status");
    state.getStyleClass().add("muted-text");
    state
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    captions.statusProperty().get().isEmpty()
                        ? "Captions are off"
                        : captions.statusProperty().get(),
                captions.statusProperty()));
    state.setWrapText(true);
    Button toggle = new Button();
    toggle.setId("captions-toggle");
    toggle.getStyleClass().add("small");
    toggle
        .textProperty()
        .bind(
            Bindings.when(captions.runningProperty())
                .then("Stop captions")
                .otherwise("Start captions"));
    toggle.setOnAction(e -> model.meeting().toggleCaptionsRunning());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox row = new HBox(8, Icons.icon(Icons.CAPTIONS), state, spacer, toggle);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add("console-row");
    return row;
  }

  private static ToggleButton tab(String text, String id, ToggleGroup group) {
    ToggleButton b = new ToggleButton(text);
    b.setId(id);
    b.getStyleClass().addAll("small", "host-tab");
    b.setToggleGroup(group);
    return b;
  }

  private static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("section-title");
    return l;
  }

  private VBox invitesSection() {
    Label title = section("Invite");
    QrCodeView qr = new QrCodeView(176);
    qr.setId("invite-qr");
    VBox box = new VBox(8, title);
    if (!model.canInvite()) {
      Label none = new Label("Invite links are made by the app or server that hosts this webinar.");
      none.setWrapText(true);
      none.getStyleClass().add("muted-text");
      box.getChildren().add(none);
      return box;
    }
    box.getChildren()
        .addAll(
            linkRow(
                "Presenter link",
                "presenter-link",
                model.presenterLinkProperty(),
                model::newPresenterLink,
                model::copyPresenterLink,
                qr),
            linkRow(
                "Audience link",
                "audience-link",
                model.audienceLinkProperty(),
                model::newAudienceLink,
                model::copyAudienceLink,
                qr),
            qr,
            qrHint());
    HBox.setHgrow(qr, Priority.NEVER);
    return box;
  }

  private static Label qrHint() {
    Label hint = new Label("Scan to join with the link made or clicked last.");
    hint.getStyleClass().add("muted-text");
    hint.setWrapText(true);
    return hint;
  }

  private VBox linkRow(
      String label,
      String id,
      javafx.beans.property.StringProperty link,
      Runnable make,
      Runnable copy,
      QrCodeView qr) {
    Label l = new Label(label);
    l.getStyleClass().add("muted-text");
    TextField field = new TextField();
    field.setId(id);
    field.setEditable(false);
    field.setPromptText("Make a link to invite someone");
    field.textProperty().bind(link);
    HBox.setHgrow(field, Priority.ALWAYS);
    Button newLink = new Button(null, Icons.icon(Icons.PLUS));
    newLink.setId(id + "-new");
    newLink.getStyleClass().add("icon-button");
    newLink.setOnAction(e -> make.run());
    Button copyButton = new Button(null, Icons.icon(Icons.COPY));
    copyButton.setId(id + "-copy");
    copyButton.getStyleClass().add("icon-button");
    copyButton.disableProperty().bind(link.isEmpty());
    copyButton.setOnAction(e -> copy.run());
    link.addListener((o, a, b) -> qr.show(b));
    if (!link.get().isEmpty()) {
      qr.show(link.get());
    }
    field.setOnMouseClicked(e -> qr.show(link.get()));
    HBox row = new HBox(6, field, newLink, copyButton);
    row.setAlignment(Pos.CENTER_LEFT);
    return new VBox(4, l, row);
  }

  private void renderHands() {
    handsBox.getChildren().clear();
    if (model.hands().isEmpty()) {
      Label none = new Label("No hands raised");
      none.getStyleClass().add("muted-text");
      handsBox.getChildren().add(none);
      return;
    }
    for (Hand hand : model.hands()) {
      Label name = new Label(hand.externalUserId());
      name.getStyleClass().add("person-name");
      Button bring = new Button("Bring to stage");
      bring.setId("bring-" + hand.attendeeId());
      bring.getStyleClass().add("accent");
      bring.setOnAction(e -> model.bringToStage(hand));
      bring.getStyleClass().add("small");
      Button dismiss = new Button("Dismiss");
      dismiss.getStyleClass().add("small");
      dismiss.setId("dismiss-" + hand.attendeeId());
      dismiss.setOnAction(e -> model.dismiss(hand));
      HBox who = new HBox(8, Icons.icon(Icons.HAND), name);
      who.setAlignment(Pos.CENTER_LEFT);
      HBox actions = new HBox(8, bring, dismiss);
      VBox row = new VBox(8, who, actions);
      row.getStyleClass().add("console-row");
      handsBox.getChildren().add(row);
    }
  }

  private void renderPresenters() {
    presentersBox.getChildren().clear();
    if (model.presenters().isEmpty()) {
      Label none = new Label("Only you are on the stage");
      none.getStyleClass().add("muted-text");
      presentersBox.getChildren().add(none);
      return;
    }
    for (ParticipantItem p : model.presenters()) {
      Label name = new Label(p.name());
      name.getStyleClass().add("person-name");
      var mic = Icons.icon(p.mutedProperty().get() ? Icons.MIC_OFF : Icons.MIC);
      p.mutedProperty().addListener((o, a, m) -> Icons.setPath(mic, m ? Icons.MIC_OFF : Icons.MIC));
      Button mute = small("Mute", "mute-" + p.attendeeId(), () -> model.mute(p));
      Button back = small("Send back", "send-back-" + p.attendeeId(), () -> model.sendBack(p));
      Button remove = small("Remove", "remove-" + p.attendeeId(), () -> model.remove(p));
      remove.getStyleClass().add("danger-text");
      HBox who = new HBox(8, mic, name);
      who.setAlignment(Pos.CENTER_LEFT);
      HBox actions = new HBox(6, mute, back, remove);
      VBox row = new VBox(8, who, actions);
      row.getStyleClass().add("console-row");
      presentersBox.getChildren().add(row);
    }
  }

  private static Button small(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.getStyleClass().add("small");
    b.setOnAction(e -> action.run());
    return b;
  }
}
