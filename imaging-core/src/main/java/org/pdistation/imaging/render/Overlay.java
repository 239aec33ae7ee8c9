package org.pdistation.imaging.render;

/**
 * One overlay plane (PS3.3 C.9.2) on one frame, clipped to the image: the part of the plane that lies on the image,
 * as a 0/1 mask, with its position on the image.
 *
 * @param group        the overlay group, 0x6000 … 0x601E
 * @param originRow    0-based image row of the mask's first row (after clipping)
 * @param originColumn 0-based image column of the mask's first column (after clipping)
 * @param rows         mask rows (may be 0 when the plane lies wholly outside the image)
 * @param columns      mask columns
 * @param type         Overlay Type (60xx,0040): G (graphics) or R (region of interest)
 * @param label        Overlay Label (60xx,1500), may be null
 * @param description  Overlay Description (60xx,0022), may be null
 * @param embedded     read from unused high bits of the pixel data (retired form) rather than Overlay Data
 * @param mask         rows × columns bytes, 1 where the overlay is drawn, row by row
 */
public record Overlay(int group, int originRow, int originColumn, int rows, int columns, String type, String label,
                      String description, boolean embedded, byte[] mask) {
    public boolean isSet(int row, int column) {
        return mask[row * columns + column] != 0;
    }

    /** Number of set bits, for tests and diagnostics. */
    public int count() {
        int n = 0;
        for (byte b : mask) n += b;
        return n;
    }
}
