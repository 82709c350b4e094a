package dev.podium.app.stage;

import dev.podium.app.Icons;
import dev.podium.app.Ui;
import dev.podium.app.meeting.MeetingGateway;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * One participant's tile: video (or an avatar with initials when the camera is off), name label,
 * muted and camera-off badges, a ring while speaking, and a pin button.
 */
public final class VideoTileView extends StackPane {
  private final ParticipantItem item;
  private final MeetingGateway gateway;
  private final ImageView video = new ImageView();
  private int boundTile = ParticipantItem.NO_TILE;

  public VideoTileView(ParticipantItem item, MeetingGateway gateway, Runnable onPin) {
    this.item = item;
    this.gateway = gateway;
    getStyleClass().add("video-tile");
    setId("tile-" + item.attendeeId());
    setMinSize(0, 0);

    Label avatar = new Label(item.initials());
    avatar.getStyleClass().add("avatar");
    item.nameProperty().addListener((o, a, b) -> avatar.setText(item.initials()));
    StackPane avatarBox = new StackPane(avatar);
    avatarBox.getStyleClass().add("avatar-box");

    // Video covers the tile (cropped by the rounded clip), like other meeting apps.
    video.setPreserveRatio(true);
    video.setSmooth(true);
    video.setManaged(false);
    widthProperty().addListener((o, a, b) -> coverFit());
    heightProperty().addListener((o, a, b) -> coverFit());
    video.imageProperty().addListener((o, a, b) -> coverFit());

    Label name = new Label();
    name.textProperty().bind(item.nameProperty());
    name.getStyleClass().add("tile-name");
    Region mutedBadge = badge(Icons.MIC_OFF, "badge-muted");
    Ui.showWhen(mutedBadge, item.mutedProperty());
    Region pausedBadge = badge(Icons.CAMERA_OFF, "badge-paused");
    Ui.showWhen(pausedBadge, Bindings.equal(ParticipantItem.NO_TILE, item.tileIdProperty()));
    HBox nameBar = new HBox(6, mutedBadge, pausedBadge, name);
    nameBar.getStyleClass().add("tile-name-bar");
    nameBar.setAlignment(Pos.CENTER_LEFT);
    nameBar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    StackPane.setAlignment(nameBar, Pos.BOTTOM_LEFT);

    Button pin = new Button(null, Icons.icon(Icons.PIN));
    pin.getStyleClass().add("tile-pin");
    pin.setTooltip(new Tooltip("Pin"));
    pin.setOnAction(e -> onPin.run());
    pin.setFocusTraversable(false);
    StackPane.setAlignment(pin, Pos.TOP_RIGHT);

    // The ring is a node above the video (a border on the tile itself would be painted over).
    Region ring = new Region();
    ring.getStyleClass().add("speaking-ring");
    ring.setMouseTransparent(true);
    ring.visibleProperty().bind(item.speakingProperty());
    getChildren().addAll(avatarBox, video, ring, nameBar, pin);
    Ui.styleWhen(this, "speaking", item.speakingProperty());

    Rectangle clip = new Rectangle();
    clip.setArcWidth(24);
    clip.setArcHeight(24);
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);

    item.tileIdProperty().addListener((o, a, b) -> rebind());
    rebind();
  }

  private void coverFit() {
    javafx.scene.image.Image image = video.getImage();
    if (image == null || getWidth() <= 0 || getHeight() <= 0) {
      return;
    }
    double scale = Math.max(getWidth() / image.getWidth(), getHeight() / image.getHeight());
    double w = image.getWidth() * scale;
    double h = image.getHeight() * scale;
    video.setFitWidth(w);
    video.setFitHeight(h);
    video.relocate((getWidth() - w) / 2, (getHeight() - h) / 2);
  }

  private static Region badge(String icon, String styleClass) {
    StackPane badge = new StackPane(Icons.icon(icon));
    badge.getStyleClass().addAll("tile-badge", styleClass);
    return badge;
  }

  private void rebind() {
    int tile = item.tileIdProperty().get();
    if (boundTile != ParticipantItem.NO_TILE && boundTile != tile) {
      gateway.unbindTile(boundTile);
    }
    video.setImage(null);
    video.setVisible(tile != ParticipantItem.NO_TILE);
    if (tile != ParticipantItem.NO_TILE && tile != boundTile) {
      gateway.bindTile(tile, new FrameSink(video));
    }
    boundTile = tile;
  }

  /** Stops drawing frames (the tile left the page). */
  public void dispose() {
    if (boundTile != ParticipantItem.NO_TILE) {
      gateway.unbindTile(boundTile);
      boundTile = ParticipantItem.NO_TILE;
    }
  }

  public ParticipantItem item() {
    return item;
  }
}
