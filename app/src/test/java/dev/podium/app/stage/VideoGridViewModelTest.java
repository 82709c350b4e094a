package dev.podium.app.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class VideoGridViewModelTest {

  private static ObservableList<ParticipantItem> people(int n) {
    ObservableList<ParticipantItem> list = FXCollections.observableArrayList();
    IntStream.range(0, n)
        .forEach(i -> list.add(new ParticipantItem("a" + i, "Person " + i, "presenter")));
    return list;
  }

  @Test
  void columnsAreTheCeilingOfTheSquareRoot() {
    assertThat(VideoGridViewModel.columnsFor(1)).isEqualTo(1);
    assertThat(VideoGridViewModel.columnsFor(2)).isEqualTo(2);
    assertThat(VideoGridViewModel.columnsFor(5)).isEqualTo(3);
    assertThat(VideoGridViewModel.columnsFor(9)).isEqualTo(3);
    assertThat(VideoGridViewModel.columnsFor(10)).isEqualTo(4);
    assertThat(VideoGridViewModel.columnsFor(25)).isEqualTo(5);
    assertThat(VideoGridViewModel.rowsFor(5)).isEqualTo(2);
    assertThat(VideoGridViewModel.rowsFor(10)).isEqualTo(3);
  }

  @Test
  void nineTilesMakeAThreeByThreeGridOnOnePage() {
    VideoGridViewModel grid = new VideoGridViewModel(people(9));
    assertThat(grid.visibleTiles()).hasSize(9);
    assertThat(grid.columnsProperty().get()).isEqualTo(3);
    assertThat(grid.rowsProperty().get()).isEqualTo(3);
    assertThat(grid.pageCountProperty().get()).isEqualTo(1);
  }

  @Test
  void tilesBeyondWhatFitsGoToFurtherPages() {
    ObservableList<ParticipantItem> all = people(25);
    VideoGridViewModel grid = new VideoGridViewModel(all);
    grid.capacityProperty().set(VideoGridViewModel.capacityFor(800, 450));
    int perPage = grid.visibleTiles().size();
    assertThat(perPage).isLessThan(25).isGreaterThan(1);
    assertThat(grid.pageCountProperty().get()).isEqualTo((int) Math.ceil(25.0 / perPage));
    grid.nextPage();
    assertThat(grid.visibleTiles().get(0)).isSameAs(all.get(perPage));
    // Removing people shrinks the pages and keeps the page index valid.
    all.remove(2, 25);
    assertThat(grid.pageCountProperty().get()).isEqualTo(1);
    assertThat(grid.pageProperty().get()).isZero();
    assertThat(grid.visibleTiles()).hasSize(2);
  }

  @Test
  void neverMoreThanTwentyFiveTilesOnAPage() {
    VideoGridViewModel grid = new VideoGridViewModel(people(30));
    grid.capacityProperty().set(VideoGridViewModel.capacityFor(10_000, 10_000));
    assertThat(grid.visibleTiles()).hasSize(25);
    assertThat(grid.pageCountProperty().get()).isEqualTo(2);
  }

  @Test
  void aPinnedTileLeavesTheGridAndUnpinsWhenItsOwnerLeaves() {
    ObservableList<ParticipantItem> all = people(4);
    VideoGridViewModel grid = new VideoGridViewModel(all);
    ParticipantItem star = all.get(2);
    grid.togglePin(star);
    assertThat(grid.pinnedProperty().get()).isSameAs(star);
    assertThat(grid.visibleTiles()).hasSize(3).doesNotContain(star);
    all.remove(star);
    assertThat(grid.pinnedProperty().get()).isNull();
    assertThat(grid.visibleTiles()).hasSize(3);
  }
}
