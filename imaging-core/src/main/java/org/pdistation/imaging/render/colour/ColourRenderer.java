package org.pdistation.imaging.render.colour;

import java.nio.IntBuffer;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;

/**
 * Turns decoded colour frames into opaque ARGB ints, the layout of a JavaFX {@code PixelBuffer<IntBuffer>} with
 * {@code PixelFormat.getIntArgbPreInstance()} (alpha 255, so premultiplied equals plain).
 *
 * <p>Built once per series: palette tables and YCbCr contributions are computed in {@link #of}; {@link #toArgb}
 * allocates nothing and uses integer arithmetic only. Grey images are not handled here.
 */
public final class ColourRenderer {
    private static final YbrTables FULL = YbrTables.full();
    private static final YbrTables PARTIAL = YbrTables.partial();

    private final ImageDescriptor desc;
    /** Opaque ARGB per palette entry, or null when the image has no palette. */
    private final int[] palette;
    private final int paletteFirst;

    private ColourRenderer(ImageDescriptor desc, int[] palette, int paletteFirst) {
        this.desc = desc;
        this.palette = palette;
        this.paletteFirst = paletteFirst;
    }

    /**
     * Prepares rendering for the images of {@code ds}. For PALETTE COLOR it reads the three palettes (PS3.3
     * C.7.6.3.1.5, C.7.9), which must all be present and consistent.
     */
    public static ColourRenderer of(Dataset ds, ImageDescriptor desc) throws CodecException {
        if (desc.photometric() != Photometric.PALETTE_COLOR) return new ColourRenderer(desc, null, 0);
        boolean signed = desc.signed();
        PaletteLut r = PaletteLut.read(ds, "Red", Tag.RedPaletteColorLookupTableDescriptor,
                Tag.RedPaletteColorLookupTableData, Tag.SegmentedRedPaletteColorLookupTableData, signed);
        PaletteLut g = PaletteLut.read(ds, "Green", Tag.GreenPaletteColorLookupTableDescriptor,
                Tag.GreenPaletteColorLookupTableData, Tag.SegmentedGreenPaletteColorLookupTableData, signed);
        PaletteLut b = PaletteLut.read(ds, "Blue", Tag.BluePaletteColorLookupTableDescriptor,
                Tag.BluePaletteColorLookupTableData, Tag.SegmentedBluePaletteColorLookupTableData, signed);
        // C.7.6.3.1.5: the three descriptors should agree; should they not, each channel is looked up on its own
        // over the union of their ranges.
        int first = Math.min(r.first(), Math.min(g.first(), b.first()));
        int last = Math.max(r.first() + r.entries().length, Math.max(g.first() + g.entries().length,
                b.first() + b.entries().length));
        int[] argb = new int[last - first];
        for (int i = 0; i < argb.length; i++) {
            int v = first + i;
            argb[i] = 0xFF000000 | r.lookup(v) << 16 | g.lookup(v) << 8 | b.lookup(v);
        }
        return new ColourRenderer(desc, argb, first);
    }

    /**
     * Writes {@code frame.rows() * frame.columns()} opaque ARGB ints into {@code dst} from its position, which is
     * left unchanged.
     *
     * @param actual the photometric interpretation of the samples as the decoder left them
     * @throws IllegalArgumentException when the frame's samples per pixel do not fit {@code actual}, {@code dst}
     *                                  has too little room, or {@code actual} is not a colour interpretation
     */
    public void toArgb(FrameBuffer frame, Photometric actual, IntBuffer dst) {
        int pixels = frame.rows() * frame.columns();
        if (dst.remaining() < pixels) {
            throw new IllegalArgumentException("destination has room for " + dst.remaining() + " of " + pixels
                    + " pixels");
        }
        int spp = frame.samplesPerPixel();
        int at = dst.position();
        switch (actual) {
            case PALETTE_COLOR -> {
                requireSamples(spp, 1, actual);
                if (palette == null) throw new IllegalArgumentException("PALETTE COLOR frame but no palette read");
                palette(frame, pixels, dst, at);
            }
            case RGB -> {
                requireSamples(spp, 3, actual);
                rgb(frame, pixels, dst, at);
            }
            case YBR_FULL, YBR_FULL_422, YBR_ICT -> {
                requireSamples(spp, 3, actual);
                ybr(frame, pixels, dst, at, FULL);
            }
            case YBR_PARTIAL_422, YBR_PARTIAL_420 -> {
                requireSamples(spp, 3, actual);
                ybr(frame, pixels, dst, at, PARTIAL);
            }
            case YBR_RCT -> {
                requireSamples(spp, 3, actual);
                rct(frame, pixels, dst, at);
            }
            default -> throw new IllegalArgumentException(actual.term() + " is not a colour interpretation "
                    + "this renderer handles");
        }
    }

    private static void requireSamples(int spp, int expected, Photometric p) {
        if (spp != expected) {
            throw new IllegalArgumentException(p.term() + " needs " + expected + " sample(s) per pixel, frame has "
                    + spp);
        }
    }

    private void palette(FrameBuffer frame, int pixels, IntBuffer dst, int at) {
        int[] table = palette;
        int last = table.length - 1;
        int first = paletteFirst;
        boolean signed = frame.isSigned() || desc.signed();
        int shift = desc.storedShift();
        int bits = desc.bitsStored();
        for (int i = 0; i < pixels; i++) {
            int v = frame.isSigned() ? frame.sample(i) : stored(frame.sample(i), shift, bits, signed);
            int k = v - first;
            dst.put(at + i, table[k <= 0 ? 0 : Math.min(k, last)]);
        }
    }

    /** Stored value of a bit pattern (PS3.5 8.1.1), for frames the caller did not normalise. */
    private static int stored(int raw, int shift, int bits, boolean signed) {
        int v = (raw >>> shift) & (bits >= 32 ? -1 : (1 << bits) - 1);
        return signed && bits < 32 ? (v << (32 - bits)) >> (32 - bits) : v;
    }

    private void rgb(FrameBuffer frame, int pixels, IntBuffer dst, int at) {
        if (frame.kind() == FrameBuffer.Kind.BYTE && desc.bitsStored() >= 8 && desc.storedShift() == 0) {
            byte[] s = frame.bytes();
            for (int i = 0, j = 0; i < pixels; i++, j += 3) {
                dst.put(at + i, 0xFF000000 | (s[j] & 0xFF) << 16 | (s[j + 1] & 0xFF) << 8 | (s[j + 2] & 0xFF));
            }
            return;
        }
        for (int i = 0, j = 0; i < pixels; i++, j += 3) {
            dst.put(at + i, 0xFF000000 | to8(frame, j) << 16 | to8(frame, j + 1) << 8 | to8(frame, j + 2));
        }
    }

    /** Sample {@code j} as an unsigned 8-bit value: stored bits scaled to 8 by dropping the low ones. */
    private int to8(FrameBuffer frame, int j) {
        int bits = desc.bitsStored();
        int v = frame.isSigned() ? frame.sample(j) & ((1 << bits) - 1)
                : (frame.sample(j) >>> desc.storedShift()) & (bits >= 32 ? -1 : (1 << bits) - 1);
        return bits >= 8 ? v >>> (bits - 8) : v << (8 - bits);
    }

    private void ybr(FrameBuffer frame, int pixels, IntBuffer dst, int at, YbrTables t) {
        if (frame.kind() == FrameBuffer.Kind.BYTE && desc.bitsStored() >= 8 && desc.storedShift() == 0) {
            byte[] s = frame.bytes();
            for (int i = 0, j = 0; i < pixels; i++, j += 3) {
                dst.put(at + i, t.argb(s[j] & 0xFF, s[j + 1] & 0xFF, s[j + 2] & 0xFF));
            }
            return;
        }
        for (int i = 0, j = 0; i < pixels; i++, j += 3) {
            dst.put(at + i, t.argb(to8(frame, j), to8(frame, j + 1), to8(frame, j + 2)));
        }
    }

    /**
     * JPEG 2000 reversible colour transform, inverse (ITU-T T.800 G.2.2): G = Y − ⌊(Cb + Cr) / 4⌋, R = Cr + G,
     * B = Cb + G, with the chroma differences stored offset by half the range (128 for 8 bits).
     */
    private void rct(FrameBuffer frame, int pixels, IntBuffer dst, int at) {
        for (int i = 0, j = 0; i < pixels; i++, j += 3) {
            int y = to8(frame, j);
            int cb = to8(frame, j + 1) - 128;
            int cr = to8(frame, j + 2) - 128;
            int g = y - Math.floorDiv(cb + cr, 4);
            int r = cr + g;
            int b = cb + g;
            dst.put(at + i, 0xFF000000 | clamp(r) << 16 | clamp(g) << 8 | clamp(b));
        }
    }

    /** 0…255 without branches (see {@link YbrTables#clamp}). */
    private static int clamp(int v) {
        return YbrTables.clamp(v << 16);
    }
}
