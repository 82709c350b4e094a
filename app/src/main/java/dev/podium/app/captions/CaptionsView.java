package dev.podium.app.captions;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The captions bar: the last {@link #VISIBLE_LINES} lines, speaker name then text. */
public final class CaptionsView extends VBox {

  /** Lines shown at once. */
  public static final int VISIBLE_LINES = 3;

  private final CaptionsViewModel model;

  public CaptionsView(CaptionsViewModel model) {
    this.model = model;
    setId("captions-bar");
    getStyleClass().add("captions-bar");
    setAlignment(Pos.BOTTOM_LEFT);
    setSpacing(2);
    setMaxSize(820, USE_PREF_SIZE);
    model.lines().addListener((javafx.collections.ListChangeListener<CaptionLine>) c -> render());
    visibleProperty()
        .bind(model.enabledProperty().and(javafx.beans.binding.Bindings.isNotEmpty(model.lines())));
    managedProperty().bind(visibleProperty());
    render();
  }

  private void render() {
    getChildren().clear();
    List<CaptionLine> lines = model.lines();
    for (int i = Math.max(0, lines.size() - VISIBLE_LINES); i < lines.size(); i++) {
      CaptionLine line = lines.get(i);
      Text speaker = new Text(line.speaker() + "  ");
      speaker.getStyleClass().add("caption-speaker");
      Text text = new Text(line.text());
      text.getStyleClass().add(line.partial() ? "caption-partial" : "caption-text");
      TextFlow flow = new TextFlow(speaker, text);
      flow.getStyleClass().add("caption-line");
      HBox row = new HBox(flow);
      row.setId("caption-" + i);
      getChildren().add(row);
    }
  }
}
