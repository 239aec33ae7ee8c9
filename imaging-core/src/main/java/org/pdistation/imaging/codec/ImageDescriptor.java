package org.pdistation.imaging.codec;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;

/**
 * The Image Pixel module attributes (PS3.3 C.7.6.3) that say how to read one frame.
 *
 * @param rows                (0028,0010)
 * @param columns             (0028,0011)
 * @param samplesPerPixel     (0028,0002), 1 or 3 in practice
 * @param bitsAllocated       (0028,0100): 1, 8, 16 or 32 (others are read as the next container)
 * @param bitsStored          (0028,0101), at most bitsAllocated
 * @param highBit             (0028,0102), normally bitsStored − 1
 * @param signed              Pixel Representation (0028,0103) = 1
 * @param planarConfiguration (0028,0006): 0 colour-by-pixel, 1 colour-by-plane
 * @param photometric         (0028,0004)
 * @param frames              Number of Frames (0028,0008), 1 when absent
 */
public record ImageDescriptor(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
                              int highBit, boolean signed, int planarConfiguration, Photometric photometric,
                              int frames) {
    public ImageDescriptor {
        if (rows < 0 || columns < 0) throw new IllegalArgumentException("negative size " + rows + "x" + columns);
        if (samplesPerPixel < 1) samplesPerPixel = 1;
        if (bitsAllocated < 1) bitsAllocated = 16;
        if (bitsStored < 1 || bitsStored > bitsAllocated) bitsStored = bitsAllocated;
        if (highBit < bitsStored - 1 || highBit >= Math.max(bitsAllocated, 1)) highBit = bitsStored - 1;
        if (frames < 1) frames = 1;
    }

    /** Reads the descriptor of an image instance; missing values get the defaults a viewer would assume. */
    public static ImageDescriptor of(Dataset ds) {
        int spp = ds.getInt(Tag.SamplesPerPixel, 1);
        int bitsAllocated = ds.getInt(Tag.BitsAllocated, 16);
        int bitsStored = ds.getInt(Tag.BitsStored, bitsAllocated);
        Photometric pi = Photometric.of(ds.getString(Tag.PhotometricInterpretation));
        if (pi == Photometric.UNKNOWN) pi = spp == 1 ? Photometric.MONOCHROME2 : Photometric.RGB;
        return new ImageDescriptor(ds.getInt(Tag.Rows, 0), ds.getInt(Tag.Columns, 0), spp, bitsAllocated, bitsStored,
                ds.getInt(Tag.HighBit, bitsStored - 1), ds.getInt(Tag.PixelRepresentation, 0) == 1,
                ds.getInt(Tag.PlanarConfiguration, 0), pi, parseFrames(ds));
    }

    private static int parseFrames(Dataset ds) {
        String s = ds.getString(Tag.NumberOfFrames);
        if (s == null || s.isBlank()) return 1;
        try {
            return Math.max(1, (int) Math.min(Integer.MAX_VALUE, Math.round(Double.parseDouble(s.strip()))));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public ImageDescriptor withPhotometric(Photometric p) {
        return new ImageDescriptor(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit, signed,
                planarConfiguration, p, frames);
    }

    public ImageDescriptor withSize(int newRows, int newColumns) {
        return new ImageDescriptor(newRows, newColumns, samplesPerPixel, bitsAllocated, bitsStored, highBit, signed,
                planarConfiguration, photometric, frames);
    }

    public ImageDescriptor withPlanarConfiguration(int pc) {
        return new ImageDescriptor(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit, signed, pc,
                photometric, frames);
    }

    /** Pixels in one frame. */
    public long pixels() { return (long) rows * columns; }

    /** Samples in one frame. */
    public long samples() { return pixels() * samplesPerPixel; }

    /**
     * Bytes of one native frame. For 1-bit data this is in bits rounded up: PS3.5 8.1.1 packs 1-bit frames
     * back to back with no byte alignment, so use {@link #frameBitOffset} to locate frame N.
     */
    public long nativeFrameLength() {
        if (bitsAllocated == 1) return (samples() + 7) / 8;
        return samples() * containerBytes();
    }

    /**
     * Bytes of one frame as stored natively, which differs from {@link #nativeFrameLength} only for YBR_FULL_422
     * with 8 bits: PS3.3 C.7.6.3.1.2 stores each pair of pixels as Y1 Y2 Cb Cr, two bytes a pixel.
     */
    public long storedFrameLength() {
        if (isSubsampled422()) return pixels() / 2 * 4 + (pixels() % 2) * 3;
        return nativeFrameLength();
    }

    /** Native YBR_FULL_422: chroma shared by pixel pairs (see {@link Ybr422}). */
    public boolean isSubsampled422() {
        return photometric == Photometric.YBR_FULL_422 && samplesPerPixel == 3 && bitsAllocated == 8;
    }

    /** Bit offset of frame {@code n} from the start of native pixel data. */
    public long frameBitOffset(int n) {
        return bitsAllocated == 1 ? samples() * n : storedFrameLength() * 8L * n;
    }

    /** Bytes per sample in the native encoding: 1, 2 or 4 (1-bit data reports 1 after unpacking). */
    public int containerBytes() {
        return bitsAllocated <= 8 ? 1 : bitsAllocated <= 16 ? 2 : 4;
    }

    /** Shift that brings the low stored bit to bit 0: highBit − bitsStored + 1 (PS3.5 8.1.1). */
    public int storedShift() { return highBit - bitsStored + 1; }
}
