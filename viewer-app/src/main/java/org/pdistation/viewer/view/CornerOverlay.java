package org.pdistation.viewer.view;

import java.text.NumberFormat;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.pdistation.viewer.i18n.Messages;

/**
 * The four-corner text above the image and the orientation markers on the edges, as JavaFX nodes (ARCHITECTURE
 * decision 3: annotations are never burned into pixels). Mouse-transparent, so tools act on the image below.
 *
 * <p>A layout root: the viewport keeps it unmanaged and sizes it itself ({@link #fill}), so that a label whose text
 * changes on every frame (slice number, position) asks for the layout of this overlay only. Were it a managed child,
 * every such change would climb through the viewport, the viewer and the window's BorderPane, and each frame would
 * pay for a layout pass of the whole window on the FX thread. Here the pass places four corner boxes and four
 * markers at their preferred sizes.
 */
final class CornerOverlay extends Region {
    private final Messages messages;
    private final VBox topLeft = corner(Pos.TOP_LEFT);
    private final VBox topRight = corner(Pos.TOP_RIGHT);
    private final VBox bottomLeft = corner(Pos.BOTTOM_LEFT);
    private final VBox bottomRight = corner(Pos.BOTTOM_RIGHT);
    private final Label[] edges = new Label[4];
    final Label windowLabel = new Label();
    final Label zoomLabel = new Label();
    final Label imageLabel = new Label();
    private final Label seriesLabel = label("");
    private final Label positionLabel = label("");
    private final Label thicknessLabel = label("");
    private OverlayInfo shown;
    private double[] orientation;
    private ViewOrientation view = ViewOrientation.IDENTITY;

    CornerOverlay(Messages messages) {
        this.messages = messages;
        setMouseTransparent(true);
        setManaged(false);
        setPadding(new Insets(6, 8, 6, 8));
        getStyleClass().add("overlay");
        getChildren().addAll(topLeft, topRight, bottomLeft, bottomRight);
        for (int i = 0; i < 4; i++) {
            edges[i] = new Label();
            edges[i].getStyleClass().add("orientation");
            edges[i].setCache(true);
            getChildren().add(edges[i]);
        }
        bottomLeft.getChildren().setAll(seriesLabel, imageLabel, positionLabel, thicknessLabel);
        bottomRight.getChildren().setAll(windowLabel, zoomLabel);
        // Each label is drawn once into a cached bitmap, drop shadow included, and blitted on later frames: the
        // image below changes every frame, which otherwise makes Prism apply every label's effect again.
        for (Label l : new Label[] {windowLabel, zoomLabel, imageLabel}) l.setCache(true);
        windowLabel.setId("overlay-window");
        imageLabel.setId("overlay-image");
        zoomLabel.setId("overlay-zoom");
    }

    private static VBox corner(Pos pos) {
        VBox box = new VBox(1);
        box.setAlignment(pos);
        return box;
    }

    /** Sizes the overlay to the viewport's content area (called from the viewport's layout pass). */
    void fill(double x, double y, double width, double height) {
        resizeRelocate(x, y, width, height);
    }

    /** Corners at their preferred sizes in the corners; markers centred on the edges. */
    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double left = in.getLeft(), top = in.getTop();
        double right = getWidth() - in.getRight(), bottom = getHeight() - in.getBottom();
        place(topLeft, left, top, 0, 0);
        place(topRight, right, top, 1, 0);
        place(bottomLeft, left, bottom, 0, 1);
        place(bottomRight, right, bottom, 1, 1);
        double cx = (left + right) / 2, cy = (top + bottom) / 2;
        place(edges[0], cx, top, 0.5, 0);
        place(edges[1], right, cy, 1, 0.5);
        place(edges[2], cx, bottom, 0.5, 1);
        place(edges[3], left, cy, 0, 0.5);
    }

    /** Puts {@code n} at its preferred size so that its point ({@code ax}, {@code ay}) of its box is at (x, y). */
    private void place(Node n, double x, double y, double ax, double ay) {
        n.autosize();
        Region r = (Region) n;
        n.relocate(snapPositionX(x - ax * r.getWidth()), snapPositionY(y - ay * r.getHeight()));
    }

    /**
     * Shows the texts of {@code info}. Called once per frame while scrolling: only labels whose text changes are
     * touched (the slice position, mostly), so that a frame costs no new nodes, CSS pass or corner relayout.
     */
    void show(OverlayInfo info) {
        if (info == null) return;
        OverlayInfo last = shown;
        shown = info;
        if (last == null || !last.patientName().equals(info.patientName()) || !last.patientId().equals(info.patientId())
                || !last.birthDate().equals(info.birthDate())) {
            set(topLeft, info.patientName(), info.patientId(), info.birthDate());
        }
        if (last == null || !last.institution().equals(info.institution())
                || !last.studyDescription().equals(info.studyDescription()) || !last.studyDate().equals(info.studyDate())) {
            set(topRight, info.institution(), info.studyDescription(), info.studyDate());
        }
        String series = info.seriesNumber().isEmpty() ? info.seriesDescription()
                : messages.format("viewer.seriesLine", info.seriesNumber()) + "  " + info.seriesDescription();
        NumberFormat mm = NumberFormat.getNumberInstance(messages.locale());
        mm.setMaximumFractionDigits(2);
        String pos = Double.isNaN(info.position()) ? "" : messages.format("viewer.position", mm.format(info.position()));
        String thick = Double.isNaN(info.thickness()) ? "" : messages.format("viewer.thickness", mm.format(info.thickness()));
        Viewport.setIfChanged(seriesLabel, info.modality() + "  " + series.strip());
        Viewport.setIfChanged(positionLabel, pos);
        Viewport.setIfChanged(thicknessLabel, thick);
        double[] o = info.orientation();
        if (!java.util.Arrays.equals(o, orientation)) {
            orientation = o;
            showEdges();
        }
    }

    /** The markers follow the image when it is rotated or flipped on screen. */
    void setView(ViewOrientation view) {
        this.view = view;
        showEdges();
    }

    private void showEdges() {
        String[] e = OrientationLetters.edges(orientation, view);
        for (int i = 0; i < 4; i++) Viewport.setIfChanged(edges[i], e[i] == null ? "" : e[i]);
    }

    /** The marker texts, top, right, bottom, left (tests). */
    String[] edgeTexts() {
        String[] out = new String[4];
        for (int i = 0; i < 4; i++) out[i] = edges[i].getText();
        return out;
    }

    private void set(VBox box, String... lines) {
        box.getChildren().clear();
        for (String l : lines) {
            if (l != null && !l.isBlank()) box.getChildren().add(label(l));
        }
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setCache(true);
        return l;
    }
}
