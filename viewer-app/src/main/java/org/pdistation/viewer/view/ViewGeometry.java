package org.pdistation.viewer.view;

/**
 * Where an image lies in a viewport's image layer: scale, pixel aspect, quarter turns and flips, centring and pan.
 * One description for both ways of drawing (see {@link ScalingMode}): it places the ImageView that JavaFX scales,
 * drives our own resampler when we scale, and maps between image and screen points for the measurement tools, so
 * that the three can never disagree.
 *
 * <p>Image coordinates are continuous: pixel (i, j) covers [i, i+1) × [j, j+1). The picture is first stretched to
 * {@code fitWidth × fitHeight} (columns × scale, rows × pixel aspect × scale), then turned about its centre by the
 * orientation, then centred in the layer and moved by the pan.
 *
 * @param columns     image width in pixels
 * @param rows        image height in pixels
 * @param pixelAspect row spacing / column spacing (PS3.3 10.7.1.3), 1 when unknown
 * @param layerWidth  the image layer's width in layout units
 * @param layerHeight the image layer's height in layout units
 * @param scale       layout units per image column
 * @param panX        pan in layout units
 * @param panY        pan in layout units
 * @param orientation the turn and flips
 */
public record ViewGeometry(int columns, int rows, double pixelAspect, double layerWidth, double layerHeight,
                           double scale, double panX, double panY, ViewOrientation orientation) {

    /** A geometry at {@code zoom} (NaN: fit the layer). */
    public static ViewGeometry of(int columns, int rows, double pixelAspect, double layerWidth, double layerHeight,
                                  double zoom, double panX, double panY, ViewOrientation orientation) {
        double s = Double.isNaN(zoom) ? fitScale(columns, rows, pixelAspect, layerWidth, layerHeight, orientation) : zoom;
        return new ViewGeometry(columns, rows, pixelAspect, layerWidth, layerHeight, s, panX, panY, orientation);
    }

    /** The scale at which the whole (turned) image just fits the layer; 1 while the layer has no size yet. */
    public static double fitScale(int columns, int rows, double pixelAspect, double layerWidth, double layerHeight,
                                  ViewOrientation orientation) {
        if (layerWidth <= 0 || layerHeight <= 0 || columns <= 0 || rows <= 0) return 1;
        double iw = columns, ih = rows * pixelAspect;
        if (orientation.swapsAxes()) return Math.min(layerWidth / ih, layerHeight / iw);
        return Math.min(layerWidth / iw, layerHeight / ih);
    }

    /** The stretched picture's width before turning (what ImageView's fitWidth is). */
    public double fitWidth() { return columns * scale; }

    /** The stretched picture's height before turning. */
    public double fitHeight() { return rows * pixelAspect * scale; }

    /** The turned picture's box width on screen. */
    public double boxWidth() { return orientation.swapsAxes() ? fitHeight() : fitWidth(); }

    /** The turned picture's box height on screen. */
    public double boxHeight() { return orientation.swapsAxes() ? fitWidth() : fitHeight(); }

    /** The box's left edge in the layer (the ImageView's layoutX). */
    public double boxX() { return (layerWidth - boxWidth()) / 2 + panX; }

    /** The box's top edge in the layer. */
    public double boxY() { return (layerHeight - boxHeight()) / 2 + panY; }

    /** The turn's translation: maps the fit picture into its turned box about the centres. */
    public double turnX() { return boxWidth() / 2 - (orientation.xx() * fitWidth() / 2 + orientation.xy() * fitHeight() / 2); }

    public double turnY() { return boxHeight() / 2 - (orientation.yx() * fitWidth() / 2 + orientation.yy() * fitHeight() / 2); }

    /** Image point → layer point. */
    public double[] toLayer(double x, double y) {
        ViewOrientation o = orientation;
        double fx = x * scale, fy = y * pixelAspect * scale;
        return new double[] {boxX() + turnX() + o.xx() * fx + o.xy() * fy, boxY() + turnY() + o.yx() * fx + o.yy() * fy};
    }

    /** Layer point → image point (the inverse of {@link #toLayer}; the turn's matrix is orthogonal). */
    public double[] toImage(double u, double v) {
        ViewOrientation o = orientation;
        double dx = u - boxX() - turnX(), dy = v - boxY() - turnY();
        double fx = o.xx() * dx + o.yx() * dy, fy = o.xy() * dx + o.yy() * dy;
        return new double[] {fx / scale, fy / (pixelAspect * scale)};
    }

    /**
     * The part of the layer the picture covers, in output pixels of {@code pixelsPerUnit} per layout unit, clipped to
     * the layer and widened to whole pixels: {x, y, width, height} (width or height 0 when nothing is visible).
     */
    public int[] visibleArea(double pixelsPerUnit) {
        int lw = (int) Math.ceil(layerWidth * pixelsPerUnit), lh = (int) Math.ceil(layerHeight * pixelsPerUnit);
        int x0 = clamp((int) Math.floor(boxX() * pixelsPerUnit), lw);
        int y0 = clamp((int) Math.floor(boxY() * pixelsPerUnit), lh);
        int x1 = clamp((int) Math.ceil((boxX() + boxWidth()) * pixelsPerUnit), lw);
        int y1 = clamp((int) Math.ceil((boxY() + boxHeight()) * pixelsPerUnit), lh);
        return new int[] {x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0)};
    }

    private static int clamp(int v, int max) { return Math.max(0, Math.min(max, v)); }
}
