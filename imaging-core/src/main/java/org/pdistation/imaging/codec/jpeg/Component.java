package org.pdistation.imaging.codec.jpeg;

/**
 * One image component of a frame (T.81 B.2.2) and its decoded samples. The plane covers whole MCUs, so its size
 * is a multiple of the block size (8 for DCT, 1 for lossless) times the sampling factor; it is reused between
 * frames and only grows.
 */
final class Component {
    int id;
    int h;
    int v;
    int tq;
    /** Samples of this component in the plane, per line and lines (MCU-padded). */
    int planeWidth;
    int planeHeight;
    /** Size of the component itself, T.81 A.1.1: ceil(X·Hi/Hmax) × ceil(Y·Vi/Vmax). */
    int width;
    int height;
    int[] plane = new int[0];
    /** Per scan: entropy tables and DC / lossless predictor state. */
    HuffmanTable dc;
    HuffmanTable ac;
    int pred;
    /** Position in the frame's component list. */
    int index;
    boolean decoded;

    void allocate(int planeWidth, int planeHeight) {
        this.planeWidth = planeWidth;
        this.planeHeight = planeHeight;
        int n = planeWidth * planeHeight;
        if (plane.length < n) plane = new int[n];
    }
}
