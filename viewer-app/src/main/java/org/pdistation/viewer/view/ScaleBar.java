package org.pdistation.viewer.view;

import java.text.NumberFormat;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;

import org.pdistation.viewer.i18n.Messages;

/**
 * A horizontal scale bar at the bottom of the viewport: a round length (1, 2 or 5 × 10ⁿ mm) no longer than a
 * quarter of the viewport, redrawn whenever the zoom changes. Hidden when the image has no pixel spacing.
 */
final class ScaleBar extends Pane {
    private final Messages messages;
    private final Line bar = new Line();
    private final Line leftTick = new Line();
    private final Line rightTick = new Line();
    private final Label label = new Label();
    private double lengthMm = Double.NaN;

    ScaleBar(Messages messages) {
        this.messages = messages;
        setMouseTransparent(true);
        setMinSize(0, 0);
        for (Line l : new Line[] {bar, leftTick, rightTick}) {
            l.setStyle("-fx-stroke: #e0e0e0; -fx-stroke-width: 1.5;");
        }
        label.getStyleClass().add("scale-bar-label");
        label.setId("scale-bar-label");
        getChildren().addAll(bar, leftTick, rightTick, label);
    }

    /** The bar's length in mm now shown, NaN when hidden (tests). */
    double lengthMm() { return lengthMm; }

    /** Redraws for {@code screenPixelsPerMm} (NaN: no spacing, hide). */
    void update(double screenPixelsPerMm, boolean detectorPlane) {
        double w = getWidth(), h = getHeight();
        if (!(screenPixelsPerMm > 0) || w <= 0 || h <= 0) {
            setVisible(false);
            lengthMm = Double.NaN;
            return;
        }
        double mm = niceLength(w / 4 / screenPixelsPerMm);
        double px = mm * screenPixelsPerMm;
        double x0 = (w - px) / 2, y = h - 28;
        bar.setStartX(x0);
        bar.setEndX(x0 + px);
        bar.setStartY(y);
        bar.setEndY(y);
        leftTick.setStartX(x0);
        leftTick.setEndX(x0);
        leftTick.setStartY(y - 5);
        leftTick.setEndY(y + 5);
        rightTick.setStartX(x0 + px);
        rightTick.setEndX(x0 + px);
        rightTick.setStartY(y - 5);
        rightTick.setEndY(y + 5);
        NumberFormat nf = NumberFormat.getNumberInstance(messages.locale());
        nf.setMaximumFractionDigits(2);
        String text = mm >= 10 ? messages.format("scale.cm", nf.format(mm / 10)) : messages.format("scale.mm", nf.format(mm));
        label.setText(detectorPlane ? text + " " + messages.get("scale.detector") : text);
        label.relocate(x0 + px + 6, y - 9);
        lengthMm = mm;
        setVisible(true);
    }

    /** The largest 1, 2 or 5 × 10ⁿ at or below {@code maxMm}. */
    static double niceLength(double maxMm) {
        if (!(maxMm > 0)) return 0;
        double p = Math.pow(10, Math.floor(Math.log10(maxMm)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * p <= maxMm) return m * p;
        }
        return p;
    }
}
