package dev.podium.app.stage;

import dev.podium.app.meeting.MeetingGateway;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;

/**
 * The adaptive video grid: columns = ceil(sqrt(n)), equal cells, a pager when more tiles exist than
 * fit, and a pinned tile shown large with the others in a strip below.
 */
public final class VideoGridView extends BorderPane {
  private final VideoGridViewModel model;
  private final MeetingGateway gateway;
  private final GridPane grid = new GridPane();
  private final HBox strip = new HBox(8);
  private final StackPane pinnedBox = new StackPane();
  private final Map<ParticipantItem, VideoTileView> views = new HashMap<>();
  private final Label empty = new Label("Waiting for presenters…");
  private final StackPane gridBox = new StackPane(grid);

  public VideoGridView(VideoGridViewModel model, MeetingGateway gateway) {
    this.model = model;
    this.gateway = gateway;
    setId("video-grid");
    getStyleClass().add("video-grid");
    grid.setHgap(10);
    grid.setVgap(10);
    grid.getStyleClass().add("grid");
    empty.getStyleClass().add("empty-stage");
    strip.getStyleClass().add("tile-strip");
    strip.setPrefHeight(120);
    strip.setAlignment(Pos.CENTER);

    Button prev = new Button("‹");
    prev.setId("grid-prev");
    prev.setOnAction(e -> model.previousPage());
    Button next = new Button("›");
    next.setId("grid-next");
    next.setOnAction(e -> model.nextPage());
    Label pageLabel = new Label();
    pageLabel.setId("grid-page");
    pageLabel
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> (model.pageProperty().get() + 1) + " / " + model.pageCountProperty().get(),
                model.pageProperty(),
                model.pageCountProperty()));
    HBox pager = new HBox(8, prev, pageLabel, next);
    pager.getStyleClass().add("pager");
    pager.setAlignment(Pos.CENTER);
    pager.setPadding(new Insets(8, 0, 0, 0));
    pager.visibleProperty().bind(model.pageCountProperty().greaterThan(1));
    pager.managedProperty().bind(pager.visibleProperty());
    setBottom(pager);

    model
        .visibleTiles()
        .addListener((javafx.collections.ListChangeListener<ParticipantItem>) c -> layoutTiles());
    model.pinnedProperty().addListener((o, a, b) -> layoutTiles());
    gridBox.widthProperty().addListener((o, a, b) -> fitGrid());
    gridBox.heightProperty().addListener((o, a, b) -> fitGrid());
    gridBox.setMinSize(0, 0);
    widthProperty().addListener((o, a, b) -> updateCapacity());
    heightProperty().addListener((o, a, b) -> updateCapacity());
    layoutTiles();
  }

  private void updateCapacity() {
    if (getWidth() > 0 && getHeight() > 0) {
      model.capacityProperty().set(VideoGridViewModel.capacityFor(getWidth(), getHeight() - 40));
    }
  }

  private VideoTileView viewFor(ParticipantItem item) {
    return views.computeIfAbsent(
        item, i -> new VideoTileView(i, gateway, () -> model.togglePin(i)));
  }

  private void layoutTiles() {
    List<ParticipantItem> tiles = List.copyOf(model.visibleTiles());
    ParticipantItem pinned = model.pinnedProperty().get();
    // Forget views of tiles no longer shown (stops their frames).
    views
        .entrySet()
        .removeIf(
            e -> {
              boolean gone = !tiles.contains(e.getKey()) && e.getKey() != pinned;
              if (gone) {
                e.getValue().dispose();
              }
              return gone;
            });
    grid.getChildren().clear();
    strip.getChildren().clear();
    pinnedBox.getChildren().clear();
    if (pinned != null) {
      VideoTileView big = viewFor(pinned);
      big.getStyleClass().add("pinned");
      pinnedBox.getChildren().add(big);
      for (ParticipantItem item : tiles) {
        VideoTileView small = viewFor(item);
        small.getStyleClass().remove("pinned");
        small.setPrefSize(180, 110);
        small.setMaxSize(180, 110);
        strip.getChildren().add(small);
      }
      BorderPane pinnedLayout = new BorderPane(pinnedBox);
      if (!tiles.isEmpty()) {
        pinnedLayout.setBottom(strip);
        BorderPane.setMargin(strip, new Insets(10, 0, 0, 0));
      }
      setCenter(pinnedLayout);
      return;
    }
    if (tiles.isEmpty()) {
      setCenter(new StackPane(empty));
      return;
    }
    int cols = VideoGridViewModel.columnsFor(tiles.size());
    int rows = VideoGridViewModel.rowsFor(tiles.size());
    grid.getColumnConstraints().clear();
    grid.getRowConstraints().clear();
    for (int c = 0; c < cols; c++) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setPercentWidth(100.0 / cols);
      cc.setHgrow(Priority.ALWAYS);
      grid.getColumnConstraints().add(cc);
    }
    for (int r = 0; r < rows; r++) {
      RowConstraints rc = new RowConstraints();
      rc.setPercentHeight(100.0 / rows);
      rc.setVgrow(Priority.ALWAYS);
      grid.getRowConstraints().add(rc);
    }
    for (int i = 0; i < tiles.size(); i++) {
      VideoTileView v = viewFor(tiles.get(i));
      v.getStyleClass().remove("pinned");
      v.setPrefSize(Double.MAX_VALUE, Double.MAX_VALUE);
      v.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
      grid.add(v, i % cols, i / cols);
    }
    setCenter(gridBox);
    fitGrid();
  }

  /** Keeps cells near 16:9 by limiting the grid's size within the available area, centred. */
  private void fitGrid() {
    int n = Math.max(1, model.visibleTiles().size());
    int cols = VideoGridViewModel.columnsFor(n);
    int rows = VideoGridViewModel.rowsFor(n);
    double w = gridBox.getWidth();
    double h = gridBox.getHeight();
    if (w <= 0 || h <= 0) {
      return;
    }
    double gap = 10;
    double cellW =
        Math.min((w - gap * (cols - 1)) / cols, ((h - gap * (rows - 1)) / rows) * 16 / 9);
    double cellH = cellW * 9 / 16;
    grid.setMaxSize(cellW * cols + gap * (cols - 1), cellH * rows + gap * (rows - 1));
  }
}
