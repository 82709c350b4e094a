package dev.podium.app.stage;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Lays out up to 25 video tiles per page: columns = ceil(sqrt(n)), rows = ceil(n / columns); tiles
 * beyond what fits the window go to further pages; a pinned tile is taken out of the grid and shown
 * large. Pure logic over the stage's participant list.
 */
public final class VideoGridViewModel {

  /** Most tiles on one page (a 5×5 grid). */
  public static final int MAX_TILES_PER_PAGE = 25;

  /** Smallest tile the grid shrinks to before it starts a new page. */
  public static final double MIN_TILE_WIDTH = 160;

  public static final double MIN_TILE_HEIGHT = 100;

  private final ObservableList<ParticipantItem> source;
  private final ObservableList<ParticipantItem> visible = FXCollections.observableArrayList();
  private final IntegerProperty capacity = new SimpleIntegerProperty(MAX_TILES_PER_PAGE);
  private final IntegerProperty page = new SimpleIntegerProperty(0);
  private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(1);
  private final ReadOnlyIntegerWrapper columns = new ReadOnlyIntegerWrapper(1);
  private final ReadOnlyIntegerWrapper rows = new ReadOnlyIntegerWrapper(1);
  private final ObjectProperty<ParticipantItem> pinned = new SimpleObjectProperty<>();

  public VideoGridViewModel(ObservableList<ParticipantItem> tiles) {
    this.source = tiles;
    tiles.addListener((javafx.collections.ListChangeListener<ParticipantItem>) c -> recompute());
    capacity.addListener((o, a, b) -> recompute());
    page.addListener((o, a, b) -> recompute());
    pinned.addListener((o, a, b) -> recompute());
    recompute();
  }

  /** Columns for {@code n} tiles: ceil(sqrt(n)), at least 1. */
  public static int columnsFor(int n) {
    return Math.max(1, (int) Math.ceil(Math.sqrt(n)));
  }

  /** Rows for {@code n} tiles. */
  public static int rowsFor(int n) {
    return Math.max(1, (int) Math.ceil(n / (double) columnsFor(n)));
  }

  /**
   * How many tiles fit in a {@code width}×{@code height} area without going below the minimum tile
   * size: the largest n (1..25) whose grid keeps tiles at least MIN_TILE_WIDTH×MIN_TILE_HEIGHT.
   */
  public static int capacityFor(double width, double height) {
    int best = 1;
    for (int n = 1; n <= MAX_TILES_PER_PAGE; n++) {
      if (width / columnsFor(n) >= MIN_TILE_WIDTH && height / rowsFor(n) >= MIN_TILE_HEIGHT) {
        best = n;
      }
    }
    return best;
  }

  private void recompute() {
    List<ParticipantItem> all = new ArrayList<>(source);
    ParticipantItem pin = pinned.get();
    if (pin != null && !all.contains(pin)) {
      pinned.set(null);
      return;
    }
    if (pin != null) {
      all.remove(pin);
    }
    int perPage = Math.max(1, Math.min(MAX_TILES_PER_PAGE, capacity.get()));
    int pages = Math.max(1, (int) Math.ceil(all.size() / (double) perPage));
    pageCount.set(pages);
    if (page.get() >= pages) {
      page.set(pages - 1);
      return;
    }
    if (page.get() < 0) {
      page.set(0);
      return;
    }
    int from = page.get() * perPage;
    List<ParticipantItem> slice = all.subList(from, Math.min(all.size(), from + perPage));
    if (!visible.equals(slice)) {
      visible.setAll(slice);
    }
    columns.set(columnsFor(slice.size()));
    rows.set(rowsFor(slice.size()));
  }

  /** Tiles on the current page (without the pinned one). */
  public ObservableList<ParticipantItem> visibleTiles() {
    return visible;
  }

  /** How many tiles fit on a page; the view sets it from its size. */
  public IntegerProperty capacityProperty() {
    return capacity;
  }

  public IntegerProperty pageProperty() {
    return page;
  }

  public ReadOnlyIntegerProperty pageCountProperty() {
    return pageCount.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty columnsProperty() {
    return columns.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty rowsProperty() {
    return rows.getReadOnlyProperty();
  }

  public ObjectProperty<ParticipantItem> pinnedProperty() {
    return pinned;
  }

  /** Pins {@code item}, or unpins it if it is already pinned. */
  public void togglePin(ParticipantItem item) {
    pinned.set(pinned.get() == item ? null : item);
  }

  public void nextPage() {
    if (page.get() + 1 < pageCount.get()) {
      page.set(page.get() + 1);
    }
  }

  public void previousPage() {
    if (page.get() > 0) {
      page.set(page.get() - 1);
    }
  }
}
