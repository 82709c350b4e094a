package dev.podium.app.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The chat panel: messages, and (on the stage) a composer with the 2 KB counter. */
public final class ChatView extends VBox {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

  public ChatView(ChatViewModel model) {
    setId("chat-panel");
    getStyleClass().addAll("side-panel", "chat-panel");
    Label title = new Label("Chat");
    title.getStyleClass().add("panel-title");

    ListView<ChatLine> list = new ListView<>(model.lines());
    list.setId("chat-messages");
    list.getStyleClass().add("chat-list");
    list.setCellFactory(v -> new LineCell());
    list.setFocusTraversable(false);
    VBox.setVgrow(list, Priority.ALWAYS);
    model
        .lines()
        .addListener(
            (javafx.collections.ListChangeListener<ChatLine>)
                c -> list.scrollTo(Math.max(0, model.lines().size() - 1)));

    TextArea input = new TextArea();
    input.setId("chat-input");
    input.setPromptText("Message everyone");
    input.setWrapText(true);
    input.setPrefRowCount(2);
    input.textProperty().bindBidirectional(model.draftProperty());
    input.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
            e.consume();
            model.send();
          }
        });
    Label counter = new Label();
    counter.setId("chat-counter");
    counter.getStyleClass().add("chat-counter");
    counter.textProperty().bind(model.counterTextProperty());
    model
        .overLimitProperty()
        .addListener(
            (o, a, over) -> {
              counter.getStyleClass().remove("over-limit");
              if (over) {
                counter.getStyleClass().add("over-limit");
              }
            });
    Button send = new Button("Send");
    send.setId("chat-send");
    send.getStyleClass().add("accent");
    send.disableProperty().bind(model.canSendProperty().not());
    send.setOnAction(e -> model.send());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox actions = new HBox(8, counter, spacer, send);
    actions.setAlignment(Pos.CENTER_LEFT);
    VBox composer = new VBox(6, input, actions);
    composer.getStyleClass().add("chat-composer");

    Label readOnly = new Label("Only people on the stage can send messages.");
    readOnly.setId("chat-read-only");
    readOnly.getStyleClass().add("chat-read-only");
    readOnly.setWrapText(true);

    composer.visibleProperty().bind(model.sendAllowedProperty());
    composer.managedProperty().bind(composer.visibleProperty());
    readOnly.visibleProperty().bind(model.sendAllowedProperty().not());
    readOnly.managedProperty().bind(readOnly.visibleProperty());

    getChildren().addAll(title, list, composer, readOnly);
  }

  /** One message: sender and time above the text; notices in muted italics. */
  private static final class LineCell extends ListCell<ChatLine> {
    @Override
    protected void updateItem(ChatLine line, boolean empty) {
      super.updateItem(line, empty);
      getStyleClass().removeAll("mine", "notice");
      if (empty || line == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label text = new Label(line.text());
      text.setWrapText(true);
      text.getStyleClass().add("chat-text");
      text.setMaxWidth(260);
      VBox box;
      if (line.notice()) {
        getStyleClass().add("notice");
        box = new VBox(text);
      } else {
        Label who =
            new Label(
                line.sender() + "  ·  " + TIME.format(Instant.ofEpochMilli(line.timestampMs())));
        who.getStyleClass().add("chat-sender");
        box = new VBox(2, who, text);
        if (line.mine()) {
          getStyleClass().add("mine");
        }
      }
      setText(null);
      setGraphic(box);
    }
  }
}
