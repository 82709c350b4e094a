package dev.podium.app.stage;

import dev.podium.app.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The presenters list with their mute state, and the number of viewers when known. */
public final class PeopleView extends VBox {

  public PeopleView(MeetingViewModel model) {
    setId("people-panel");
    getStyleClass().addAll("side-panel", "people-panel");
    Label title = new Label();
    title.getStyleClass().add("panel-title");
    title
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> "On stage (" + (model.stage().size() + 1) + ")", model.stage()));
    Label viewers = new Label();
    viewers.setId("viewer-count");
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
    ListView<ParticipantItem> list = new ListView<>();
    list.setId("people-list");
    list.getItems().add(model.self());
    list.getItems().addAll(model.stage());
    model
        .stage()
        .addListener(
            (javafx.collections.ListChangeListener<ParticipantItem>)
                c -> {
                  list.getItems().setAll(model.self());
                  list.getItems().addAll(model.stage());
                });
    list.setCellFactory(v -> new PersonCell());
    VBox.setVgrow(list, Priority.ALWAYS);
    getChildren().addAll(title, viewers, list);
  }

  /** Name, role and a microphone icon that shows the mute state. */
  static final class PersonCell extends ListCell<ParticipantItem> {
    @Override
    protected void updateItem(ParticipantItem item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        return;
      }
      Label avatar = new Label(item.initials());
      avatar.getStyleClass().add("mini-avatar");
      Label name = new Label(item.name() + (item.selfProperty().get() ? " (you)" : ""));
      name.getStyleClass().add("person-name");
      Label role = new Label(String.valueOf(item.roleProperty().get()));
      role.getStyleClass().add("person-role");
      VBox text = new VBox(0, name, role);
      Region spacer = new Region();
      HBox.setHgrow(spacer, Priority.ALWAYS);
      var mic = Icons.icon(item.mutedProperty().get() ? Icons.MIC_OFF : Icons.MIC);
      mic.getStyleClass().add(item.mutedProperty().get() ? "icon-off" : "icon-on");
      item.mutedProperty()
          .addListener((o, a, m) -> Icons.setPath(mic, m ? Icons.MIC_OFF : Icons.MIC));
      HBox row = new HBox(10, avatar, text, spacer, mic);
      row.setAlignment(Pos.CENTER_LEFT);
      setGraphic(row);
    }
  }
}
