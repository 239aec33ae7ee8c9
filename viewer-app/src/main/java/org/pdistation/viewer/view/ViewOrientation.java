package org.pdistation.viewer.view;

/**
 * How the image is turned on screen: a 2×2 matrix of 0/±1 that maps an image direction (column, row) to a screen
 * direction (x right, y down), built from quarter turns and mirrorings in screen terms (a flip is always of what
 * the user sees, whatever the rotation). The orientation markers follow through {@link #screenToImage}.
 */
public record ViewOrientation(int xx, int xy, int yx, int yy) {
    public static final ViewOrientation IDENTITY = new ViewOrientation(1, 0, 0, 1);

    /** Turns the picture 90° clockwise on screen: screen (x, y) becomes (−y, x). */
    public ViewOrientation rotateRight() { return new ViewOrientation(-yx, -yy, xx, xy); }

    /** Turns the picture 90° counter-clockwise on screen: screen (x, y) becomes (y, −x). */
    public ViewOrientation rotateLeft() { return new ViewOrientation(yx, yy, -xx, -xy); }

    /** Mirrors left and right on screen. */
    public ViewOrientation flipHorizontal() { return new ViewOrientation(-xx, -xy, yx, yy); }

    /** Mirrors top and bottom on screen. */
    public ViewOrientation flipVertical() { return new ViewOrientation(xx, xy, -yx, -yy); }

    /** Whether image columns run vertically on screen (a quarter turn). */
    public boolean swapsAxes() { return xx == 0; }

    /** The image direction (column, row) that points along screen direction (x, y): the transpose, as the matrix is orthogonal. */
    public double[] screenToImage(double x, double y) {
        return new double[] {xx * x + yx * y, xy * x + yy * y};
    }

    /** The screen direction of image direction (column, row). */
    public double[] imageToScreen(double col, double row) {
        return new double[] {xx * col + xy * row, yx * col + yy * row};
    }
}
