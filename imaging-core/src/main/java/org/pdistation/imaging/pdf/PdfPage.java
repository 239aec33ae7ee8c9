package org.pdistation.imaging.pdf;

import java.util.List;

/**
 * One page. Positions are in millimetres from the page's TOP-left corner (as a layout is usually thought of); the
 * writer converts them to PDF user space (points from the bottom-left, PDF 1.4 §4.2.1).
 *
 * @param widthMm  page width, exact (MediaBox)
 * @param heightMm page height, exact
 * @param images   raster images, drawn first, in order
 * @param lines    text lines, drawn over the images, in order
 */
public record PdfPage(double widthMm, double heightMm, List<Image> images, List<TextLine> lines) {
    public PdfPage {
        if (!(widthMm > 0 && heightMm > 0 && widthMm <= 5080 && heightMm <= 5080)) {
            // PDF 1.4 Appendix C: page sizes are limited to 14,400 units (200 inches).
            throw new IllegalArgumentException("page size " + widthMm + " x " + heightMm + " mm out of range");
        }
        images = List.copyOf(images);
        lines = List.copyOf(lines);
    }

    /** A raster: {@code channels} 3 (RGB triplets) or 1 (grey), 8 bits each, row by row from the top. */
    public record Raster(int width, int height, int channels, byte[] pixels) {
        public Raster {
            if (width <= 0 || height <= 0 || (channels != 1 && channels != 3)) {
                throw new IllegalArgumentException("raster " + width + "x" + height + "x" + channels);
            }
            if (pixels.length < (long) width * height * channels) {
                throw new IllegalArgumentException(pixels.length + " bytes for raster " + width + "x" + height
                        + "x" + channels);
            }
        }

        public static Raster rgb(int width, int height, byte[] rgb) {
            return new Raster(width, height, 3, rgb);
        }
    }

    /** A raster scaled into the box {@code (x, y, width, height)} mm; the caller keeps the aspect ratio. */
    public record Image(Raster raster, double xMm, double yMm, double widthMm, double heightMm) {}

    /** A line of text whose baseline starts at {@code (x, baselineY)} mm, in Helvetica or Helvetica-Bold. */
    public record TextLine(String text, double xMm, double baselineYMm, double sizePt, boolean bold) {}

    /** A page holding one raster that fills it exactly (a label at its print resolution). */
    public static PdfPage ofRaster(double widthMm, double heightMm, Raster raster) {
        return new PdfPage(widthMm, heightMm, List.of(new Image(raster, 0, 0, widthMm, heightMm)), List.of());
    }
}
