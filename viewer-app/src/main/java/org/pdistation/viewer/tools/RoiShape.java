package org.pdistation.viewer.tools;

/**
 * A rectangle or an ellipse in image coordinates: x along columns, y along rows, pixel (c, r) covering
 * [c, c+1) × [r, r+1), so its centre is (c + 0.5, r + 0.5). A pixel belongs to the region when its centre does.
 */
public record RoiShape(Kind kind, double x0, double y0, double x1, double y1) {
    public enum Kind { RECTANGLE, ELLIPSE }

    public RoiShape {
        double ax = Math.min(x0, x1), bx = Math.max(x0, x1);
        double ay = Math.min(y0, y1), by = Math.max(y0, y1);
        x0 = ax;
        x1 = bx;
        y0 = ay;
        y1 = by;
    }

    public double width() { return x1 - x0; }

    public double height() { return y1 - y0; }

    public boolean contains(double x, double y) {
        if (kind == Kind.RECTANGLE) return x >= x0 && x < x1 && y >= y0 && y < y1;
        double rx = width() / 2, ry = height() / 2;
        if (rx <= 0 || ry <= 0) return false;
        double dx = (x - (x0 + rx)) / rx, dy = (y - (y0 + ry)) / ry;
        return dx * dx + dy * dy <= 1;
    }

    /** The geometric area in image pixels (not the count of pixels inside). */
    public double area() {
        return kind == Kind.RECTANGLE ? width() * height() : Math.PI * width() * height() / 4;
    }
}
