package org.pdistation.viewer.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;

import org.pdistation.imaging.render.series.Measurement;

/**
 * Measurements as JavaFX shapes in a layer above the image (never burned into pixels, ARCHITECTURE decision 3).
 * They are kept in image coordinates and redrawn through the {@link ImageMapping} after every zoom, pan, rotation
 * or flip. Catches the mouse only while a tool is chosen; otherwise the viewport below windows and pans.
 */
public final class MeasureLayer extends Pane {
    /** Computes the statistics of a region of one slice off the FX thread. */
    @FunctionalInterface
    public interface StatsSource {
        CompletableFuture<RoiStatistics> compute(int slice, RoiShape shape);
    }

    private final MeasureFormat format;
    private final ImageMapping mapping;
    private final Supplier<Measurement> spacing;
    private final StatsSource stats;
    private final ObjectProperty<MeasureTool> tool = new SimpleObjectProperty<>(MeasureTool.NONE);
    private final List<Measure> measures = new ArrayList<>();
    private final List<Point2D> clicks = new ArrayList<>();
    private Point2D dragStart;
    private Point2D dragNow;
    private int slice;

    public MeasureLayer(MeasureFormat format, ImageMapping mapping, Supplier<Measurement> spacing, StatsSource stats) {
        this.format = format;
        this.mapping = mapping;
        this.spacing = spacing;
        this.stats = stats;
        getStyleClass().add("measure-layer");
        setMinSize(0, 0);
        setMouseTransparent(true);
        setPickOnBounds(true);
        tool.addListener((o, a, b) -> {
            setMouseTransparent(b == MeasureTool.NONE);
            clicks.clear();
            dragStart = null;
            redraw();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onRelease);
    }

    public ObjectProperty<MeasureTool> toolProperty() { return tool; }

    /** Shows the measurements of slice {@code index} only. */
    public void setSlice(int index) {
        if (index == slice) return;
        slice = index;
        clicks.clear();
        redraw();
    }

    public List<Measure> measures() { return List.copyOf(measures); }

    /** Adds a finished measurement (also the API the tests and the benchmark use); a region's statistics follow. */
    public Measure add(Measure m) {
        measures.add(m);
        if (m instanceof Measure.Roi roi && roi.stats() == null) {
            stats.compute(roi.slice(), roi.shape()).whenComplete((s, e) -> Platform.runLater(() -> {
                int i = measures.indexOf(roi);
                if (i >= 0 && s != null) measures.set(i, new Measure.Roi(roi.slice(), roi.shape(), s));
                redraw();
            }));
        }
        redraw();
        return m;
    }

    /** Removes the newest measurement on the current slice (Delete key). */
    public void deleteLast() {
        for (int i = measures.size() - 1; i >= 0; i--) {
            if (measures.get(i).slice() == slice) {
                measures.remove(i);
                break;
            }
        }
        redraw();
    }

    public void clear() {
        measures.clear();
        clicks.clear();
        redraw();
    }

    /** The text shown for {@code m} (tests read it). */
    public String text(Measure m) {
        Measurement sp = spacing.get();
        return switch (m) {
            case Measure.Distance d -> format.distance(MeasureFormat.length(d.a(), d.b(), sp), sp);
            case Measure.Angle a -> format.angle(MeasureFormat.angle(a.a(), a.vertex(), a.b(), sp));
            case Measure.Roi r -> format.roi(r.stats());
        };
    }

    // ----- input --------------------------------------------------------------------------------------------

    private void onPress(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) return; // other buttons pan, as without a tool
        Point2D p = mapping.toImage(e.getX(), e.getY());
        if (tool.get() == MeasureTool.ANGLE) {
            clicks.add(p);
            if (clicks.size() == 3) {
                add(new Measure.Angle(slice, clicks.get(0), clicks.get(1), clicks.get(2)));
                clicks.clear();
            }
            redraw();
        } else {
            dragStart = p;
            dragNow = p;
        }
        if (getParent() != null) getParent().requestFocus();
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        if (dragStart == null || e.getButton() != MouseButton.PRIMARY) return;
        dragNow = mapping.toImage(e.getX(), e.getY());
        redraw();
        e.consume();
    }

    private void onRelease(MouseEvent e) {
        if (dragStart == null || e.getButton() != MouseButton.PRIMARY) return;
        Point2D end = mapping.toImage(e.getX(), e.getY());
        Point2D start = dragStart;
        dragStart = null;
        if (start.distance(end) >= 1) {
            switch (tool.get()) {
                case DISTANCE -> add(new Measure.Distance(slice, start, end));
                case RECTANGLE -> add(new Measure.Roi(slice, new RoiShape(RoiShape.Kind.RECTANGLE, start.getX(),
                        start.getY(), end.getX(), end.getY()), null));
                case ELLIPSE -> add(new Measure.Roi(slice, new RoiShape(RoiShape.Kind.ELLIPSE, start.getX(),
                        start.getY(), end.getX(), end.getY()), null));
                default -> { }
            }
        }
        redraw();
        e.consume();
    }

    // ----- drawing ------------------------------------------------------------------------------------------

    /** Redraws every measurement of the current slice (called after each zoom, pan, rotation, flip or slice change). */
    public void redraw() {
        List<Node> nodes = new ArrayList<>();
        for (Measure m : measures) {
            if (m.slice() != slice) continue;
            draw(m, text(m), nodes);
        }
        if (dragStart != null && dragNow != null) {
            switch (tool.get()) {
                case DISTANCE -> draw(new Measure.Distance(slice, dragStart, dragNow), "", nodes);
                case RECTANGLE, ELLIPSE -> draw(new Measure.Roi(slice, new RoiShape(tool.get() == MeasureTool.ELLIPSE
                        ? RoiShape.Kind.ELLIPSE : RoiShape.Kind.RECTANGLE, dragStart.getX(), dragStart.getY(),
                        dragNow.getX(), dragNow.getY()), null), "", nodes);
                default -> { }
            }
        }
        if (!clicks.isEmpty()) {
            Polyline pl = new Polyline();
            for (Point2D c : clicks) {
                Point2D s = mapping.toScreen(c.getX(), c.getY());
                pl.getPoints().addAll(s.getX(), s.getY());
            }
            pl.getStyleClass().add("measure-shape");
            nodes.add(pl);
        }
        // Scrolling through slices without measurements must not touch the scene graph on every frame.
        if (nodes.isEmpty() && getChildren().isEmpty()) return;
        getChildren().setAll(nodes);
    }

    private void draw(Measure m, String text, List<Node> out) {
        Point2D labelAt;
        switch (m) {
            case Measure.Distance d -> {
                Point2D a = mapping.toScreen(d.a().getX(), d.a().getY());
                Point2D b = mapping.toScreen(d.b().getX(), d.b().getY());
                out.add(styled(new Line(a.getX(), a.getY(), b.getX(), b.getY())));
                labelAt = b;
            }
            case Measure.Angle g -> {
                Point2D a = mapping.toScreen(g.a().getX(), g.a().getY());
                Point2D v = mapping.toScreen(g.vertex().getX(), g.vertex().getY());
                Point2D b = mapping.toScreen(g.b().getX(), g.b().getY());
                out.add(styled(new Polyline(a.getX(), a.getY(), v.getX(), v.getY(), b.getX(), b.getY())));
                labelAt = v;
            }
            case Measure.Roi r -> {
                RoiShape s = r.shape();
                // Corners through the mapping: with a quarter turn the screen box is the turned image box.
                Point2D p0 = mapping.toScreen(s.x0(), s.y0());
                Point2D p1 = mapping.toScreen(s.x1(), s.y1());
                double x = Math.min(p0.getX(), p1.getX()), y = Math.min(p0.getY(), p1.getY());
                double w = Math.abs(p1.getX() - p0.getX()), h = Math.abs(p1.getY() - p0.getY());
                out.add(styled(s.kind() == RoiShape.Kind.RECTANGLE ? new Rectangle(x, y, w, h)
                        : new Ellipse(x + w / 2, y + h / 2, w / 2, h / 2)));
                labelAt = new Point2D(x + w + 4, y);
            }
        }
        if (!text.isEmpty()) {
            Label l = new Label(text);
            l.getStyleClass().add("measure-label");
            l.relocate(labelAt.getX() + 6, labelAt.getY() + 2);
            out.add(l);
        }
    }

    private static javafx.scene.shape.Shape styled(javafx.scene.shape.Shape s) {
        s.getStyleClass().add("measure-shape");
        s.setStyle("-fx-stroke: #ffd24a; -fx-stroke-width: 1.5; -fx-fill: transparent;");
        return s;
    }
}
