package org.pdistation.imaging.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.BulkDataLoader;

/**
 * Extracts the overlay planes (PS3.3 C.9.2) of an image for one frame, from Overlay Data (60xx,3000) or, for the
 * retired embedded form, from the high bits of the pixel data. Bad geometry is clipped, not an error: an overlay
 * that extends past the image (or lies outside it) is cut to the image, data shorter than the plane reads as 0.
 */
public final class Overlays {
    private static final int ROWS = 0x0010;
    private static final int COLUMNS = 0x0011;
    private static final int FRAMES_IN_OVERLAY = 0x0015;
    private static final int DESCRIPTION = 0x0022;
    private static final int TYPE = 0x0040;
    private static final int ORIGIN = 0x0050;
    private static final int IMAGE_FRAME_ORIGIN = 0x0051;
    private static final int BITS_ALLOCATED = 0x0100;
    private static final int BIT_POSITION = 0x0102;
    private static final int LABEL = 0x1500;
    private static final int DATA = 0x3000;

    private Overlays() {}

    /** Whether the dataset has any overlay plane (a repeating group 6000–601E with Overlay Rows). */
    public static boolean any(Dataset ds) {
        for (int g = 0x6000; g <= 0x601E; g += 2) if (ds.contains(g << 16 | ROWS)) return true;
        return false;
    }

    /**
     * The overlays shown on frame {@code frame} (0-based).
     *
     * @param rawFrame the frame as bit patterns ({@code ImageFrames.readRawFrame}) for embedded overlays; may be
     *                 null, then embedded overlays are left out
     * @throws IOException when Overlay Data held by reference cannot be read
     */
    public static List<Overlay> forFrame(Dataset ds, ImageDescriptor desc, int frame, FrameBuffer rawFrame)
            throws IOException {
        List<Overlay> out = new ArrayList<>();
        for (int g = 0x6000; g <= 0x601E; g += 2) {
            int base = g << 16;
            int rows = ds.getInt(base | ROWS, 0);
            int cols = ds.getInt(base | COLUMNS, 0);
            if (rows <= 0 || cols <= 0) continue;
            // C.9.2.1.2: origin of the overlay's first pixel, 1-based, row then column; may be outside the image.
            int[] origin = ds.getInts(base | ORIGIN);
            int r0 = origin.length >= 2 ? (short) origin[0] - 1 : 0;
            int c0 = origin.length >= 2 ? (short) origin[1] - 1 : 0;
            // C.9.2.1.3 / C.9.2.1.4: multi-frame overlays cover image frames origin … origin + n − 1.
            int frames = Math.max(1, parseInt(ds.getString(base | FRAMES_IN_OVERLAY), 1));
            int frameOrigin = Math.max(1, ds.getInt(base | IMAGE_FRAME_ORIGIN, 1));
            int k = frame + 1 - frameOrigin;
            if (k < 0 || k >= frames) continue;
            int bitsAllocated = ds.getInt(base | BITS_ALLOCATED, 1);
            int bitPosition = ds.getInt(base | BIT_POSITION, 0);
            Object data = ds.get(base | DATA);

            int top = Math.max(0, r0);
            int left = Math.max(0, c0);
            int bottom = Math.min(desc.rows(), r0 + rows);
            int right = Math.min(desc.columns(), c0 + cols);
            int h = Math.max(0, bottom - top);
            int w = Math.max(0, right - left);
            byte[] mask = new byte[h * w];
            boolean embedded = false;
            if (data != null) {
                byte[] bits = data instanceof BulkData b ? BulkDataLoader.load(b) : ds.getBytes(base | DATA);
                if (bits == null) bits = new byte[0];
                // OW is a stream of 16-bit words, bit 0 of the first word first (C.9.2.1.1, PS3.5 8.1.1): in a
                // big-endian encoding the bytes of each word are swapped relative to the bit order.
                boolean swap = ds.isBigEndian() && ds.vrOf(base | DATA) == VR.OW
                        || data instanceof BulkData b && b.bigEndian() && ds.vrOf(base | DATA) == VR.OW;
                long planeStart = (long) k * rows * cols;
                for (int y = 0; y < h; y++) {
                    long rowStart = planeStart + (long) (top + y - r0) * cols + (left - c0);
                    for (int x = 0; x < w; x++) {
                        long bit = rowStart + x;
                        long byteIndex = bit >>> 3;
                        if (swap) byteIndex ^= 1;
                        if (byteIndex < bits.length) mask[y * w + x] = (byte) ((bits[(int) byteIndex] >> (bit & 7)) & 1);
                    }
                }
            } else if (bitsAllocated > 1 && bitPosition >= desc.bitsStored() && bitPosition < 32) {
                // Retired embedded form (C.9.2, PS3.5 8.1.2): the overlay is bit Overlay Bit Position of each pixel
                // cell, above the stored bits; the plane has the image's geometry.
                if (rawFrame == null || rawFrame.sampleCount() < desc.pixels()) continue;
                embedded = true;
                int cols0 = desc.columns();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int i = (top + y) * cols0 + left + x;
                        int v = switch (rawFrame.kind()) {
                            case BYTE -> rawFrame.bytes()[i] & 0xFF;
                            case SHORT -> rawFrame.shorts()[i] & 0xFFFF;
                            case INT -> rawFrame.ints()[i];
                        };
                        mask[y * w + x] = (byte) ((v >>> bitPosition) & 1);
                    }
                }
            } else {
                continue; // no data at all: nothing to draw
            }
            String type = ds.getString(base | TYPE);
            out.add(new Overlay(g, top, left, h, w, type == null ? "G" : type.strip(), ds.getString(base | LABEL),
                    ds.getString(base | DESCRIPTION), embedded, mask));
        }
        return out;
    }

    /** Burns overlays into 8-bit grey pixels as white (255), the usual display of graphics overlays. */
    public static void burnIn(List<Overlay> overlays, byte[] grey, int imageColumns) {
        for (Overlay o : overlays) {
            for (int y = 0; y < o.rows(); y++) {
                int row = (o.originRow() + y) * imageColumns + o.originColumn();
                for (int x = 0; x < o.columns(); x++) if (o.mask()[y * o.columns() + x] != 0) grey[row + x] = (byte) 255;
            }
        }
    }

    private static int parseInt(String s, int def) {
        if (s == null || s.isBlank()) return def;
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return def;
        }
    }
}
