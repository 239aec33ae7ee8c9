package org.pdistation.viewer.browser;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.media.DetectedMedium;
import org.pdistation.viewer.media.MediaMonitor;

/**
 * The discs and USB sticks with DICOM data mounted now, each with an Open button, and a notice when one is
 * inserted. The notice only offers: nothing is opened or run until the user asks (PDI-REQUIREMENTS 7, no autorun),
 * and it never takes the focus from what the user is doing. Hidden while no such medium is mounted.
 */
public final class DetectedMediaPane extends VBox {
    private final Messages messages;
    private final ListView<DetectedMedium> list = new ListView<>();
    private final Label notice = new Label();
    private final Button noticeOpen;
    private final HBox noticeBar;
    private Consumer<Path> onOpen = p -> {};
    private DetectedMedium offered;

    public DetectedMediaPane(Messages messages) {
        this.messages = messages;
        setSpacing(4);
        getStyleClass().add("detected-media");
        Label title = new Label(messages.get("media.detected.title"));
        title.getStyleClass().add("detected-title");
        list.setId("browser-media");
        list.setPrefHeight(64);
        list.setPlaceholder(new Label(messages.get("media.detected.none")));
        list.setCellFactory(l -> new MediumCell());
        notice.setId("browser-media-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(notice, Priority.ALWAYS);
        noticeOpen = new Button(messages.get("media.detected.open"));
        noticeOpen.setId("browser-media-notice-open");
        noticeOpen.setOnAction(e -> {
            DetectedMedium m = offered;
            hideNotice();
            if (m != null) onOpen.accept(m.root());
        });
        Button dismiss = new Button(messages.get("media.detected.dismiss"));
        dismiss.setOnAction(e -> hideNotice());
        noticeBar = new HBox(6, notice, noticeOpen, dismiss);
        noticeBar.setAlignment(Pos.CENTER_LEFT);
        noticeBar.getStyleClass().add("media-notice");
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        noticeBar.setVisible(false);
        managedProperty().bind(visibleProperty());
        getChildren().addAll(noticeBar, title, list);
        setVisible(false);
    }

    public void setOnOpen(Consumer<Path> c) { onOpen = c; }

    public ListView<DetectedMedium> list() { return list; }

    public Label notice() { return notice; }

    /** The medium the notice offers to open now, or null when no notice is shown. */
    public DetectedMedium offered() { return noticeBar.isVisible() ? offered : null; }

    /** Opens what the notice offers, as its Open button does. */
    public void openOffered() { noticeOpen.fire(); }

    /** Applies a change reported by the {@link MediaMonitor} (on the FX thread). */
    public void apply(MediaMonitor.Change c) {
        list.getItems().setAll(c.now());
        if (!c.added().isEmpty()) {
            offered = c.added().get(c.added().size() - 1);
            notice.setText(messages.format("media.detected.notice", offered.name()));
            noticeOpen.setVisible(true);
            noticeBar.setVisible(true);
        } else if (offered != null && c.removed().stream().anyMatch(m -> m.root().equals(offered.root()))) {
            notice.setText(messages.format("media.detected.removed", offered.name()));
            noticeOpen.setVisible(false);
            offered = null;
        }
        setVisible(!c.now().isEmpty() || noticeBar.isVisible());
    }

    private void hideNotice() {
        noticeBar.setVisible(false);
        offered = null;
        setVisible(!list.getItems().isEmpty());
    }

    private final class MediumCell extends ListCell<DetectedMedium> {
        private final Label name = new Label();
        private final Label where = new Label();
        private final Button open = new Button(messages.get("media.detected.open"));
        private final HBox box;

        MediumCell() {
            name.getStyleClass().add("browser-title");
            where.getStyleClass().add("browser-detail");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(8, name, where, gap, open);
            box.setAlignment(Pos.CENTER_LEFT);
            open.setOnAction(e -> {
                if (getItem() != null) onOpen.accept(getItem().root());
            });
        }

        @Override
        protected void updateItem(DetectedMedium m, boolean empty) {
            super.updateItem(m, empty);
            setText(null);
            if (empty || m == null) {
                setGraphic(null);
                return;
            }
            name.setText(m.name());
            name.setMnemonicParsing(false);
            where.setText(m.root().toString());
            setGraphic(box);
        }
    }
}
