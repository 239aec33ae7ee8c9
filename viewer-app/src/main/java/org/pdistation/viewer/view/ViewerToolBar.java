package org.pdistation.viewer.view;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;

import org.pdistation.imaging.render.series.SliceInfo;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.tags.TagBrowser;
import org.pdistation.viewer.tools.MeasureTool;

/**
 * The viewer's tools for the active viewport: cine play/pause and speed, measuring tools, rotation and flips,
 * layouts, the tag browser and export of the view as PNG/JPEG.
 */
public final class ViewerToolBar extends ToolBar {
    private static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4};
    private final Messages messages;
    private final ViewerPane viewer;
    private final ToggleButton play = new ToggleButton();
    private final ChoiceBox<Double> speed = new ChoiceBox<>();
    private final ToggleGroup tools = new ToggleGroup();
    private final ChangeListener<Boolean> playing = (o, a, b) -> play.setSelected(b);

    public ViewerToolBar(Messages messages, ViewerPane viewer) {
        this.messages = messages;
        this.viewer = viewer;
        setId("viewer-toolbar");
        play.setText(messages.get("tools.play"));
        play.setId("tool-play");
        play.setOnAction(e -> withActive(v -> {
            if (play.isSelected()) v.cine().play(); else v.cine().pause();
            play.setSelected(v.cine().playingProperty().get());
        }));
        for (double s : SPEEDS) speed.getItems().add(s);
        speed.setValue(1.0);
        speed.setConverter(new StringConverter<>() {
            @Override public String toString(Double d) { return d == null ? "" : messages.format("tools.speed", d); }
            @Override public Double fromString(String s) { return 1.0; }
        });
        speed.setTooltip(new Tooltip(messages.get("tools.speed.tip")));
        // The speed is the viewer's, not one viewport's: every viewport that plays (also one made later) uses it.
        speed.valueProperty().addListener((o, a, b) -> { if (b != null) viewer.cineSpeedProperty().set(b); });
        getItems().addAll(play, speed, new Separator());
        for (MeasureTool t : MeasureTool.values()) {
            ToggleButton b = new ToggleButton(messages.get("tools.measure." + t.name().toLowerCase(java.util.Locale.ROOT)));
            b.setId("tool-" + t.name().toLowerCase(java.util.Locale.ROOT));
            b.setUserData(t);
            b.setToggleGroup(tools);
            b.setSelected(t == MeasureTool.NONE);
            getItems().add(b);
        }
        tools.selectedToggleProperty().addListener((o, a, b) -> {
            viewer.toolProperty().set(b == null ? MeasureTool.NONE : (MeasureTool) b.getUserData());
        });
        getItems().addAll(
                button("tools.clear", () -> withActive(v -> v.measures().clear())),
                new Separator(),
                button("tools.rotateLeft", () -> withActive(Viewport::rotateLeft)),
                button("tools.rotateRight", () -> withActive(Viewport::rotateRight)),
                button("tools.flipH", () -> withActive(Viewport::flipHorizontal)),
                button("tools.flipV", () -> withActive(Viewport::flipVertical)),
                new Separator(),
                button("tools.layoutSeries", viewer::showSeriesPerViewport),
                new Separator(),
                button("tools.tags", this::openTags),
                button("tools.export", this::exportView));
        viewer.activeProperty().addListener((o, a, b) -> {
            if (a != null) a.cine().playingProperty().removeListener(playing);
            if (b != null) {
                b.cine().playingProperty().addListener(playing);
                play.setSelected(b.cine().playingProperty().get());
            }
        });
        if (viewer.active() != null) viewer.active().cine().playingProperty().addListener(playing);
    }

    private Button button(String key, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setId(key.replace('.', '-'));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void withActive(Consumer<Viewport> action) {
        Viewport v = viewer.active();
        if (v != null) action.accept(v);
    }

    /** Opens the tag browser of the instance on screen in a window of its own; the file is read off the FX thread. */
    private void openTags() {
        Viewport v = viewer.active();
        SliceInfo s = v == null ? null : v.currentSlice();
        if (s == null) return;
        Path file = s.ref().path();
        TagBrowser browser = new TagBrowser(messages);
        Stage stage = new Stage();
        stage.setTitle(messages.format("tags.title", file.getFileName()));
        stage.setScene(new Scene(browser, 960, 700));
        if (getScene() != null) stage.initOwner(getScene().getWindow());
        stage.show();
        Thread.ofVirtual().name("pdistation-tags").start(() -> {
            try {
                var rows = TagBrowser.read(file, messages);
                Platform.runLater(() -> browser.show(rows, file));
            } catch (Exception e) {
                Platform.runLater(() -> {
                    stage.close();
                    new Alert(Alert.AlertType.ERROR, messages.format("tags.failed", file.getFileName(),
                            e.getMessage())).show();
                });
            }
        });
    }

    private void exportView() {
        Viewport v = viewer.active();
        if (v == null || v.image() == null) return;
        FileChooser fc = new FileChooser();
        fc.setTitle(messages.get("tools.export.title"));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG", "*.png"),
                new FileChooser.ExtensionFilter("JPEG", "*.jpg", "*.jpeg"));
        fc.setInitialFileName("view.png");
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) return;
        ViewExport.Snapshot snap = ViewExport.snapshot(v);
        Path out = f.toPath();
        Thread.ofVirtual().name("pdistation-export").start(() -> {
            try {
                ViewExport.write(snap, out, ViewExport.formatOf(out));
            } catch (Exception e) {
                Platform.runLater(() -> new Alert(Alert.AlertType.ERROR,
                        messages.format("tools.export.failed", out.getFileName(), e.getMessage())).show());
            }
        });
    }
}
