package org.pdistation.imaging.render.colour;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.data.Dataset;

/**
 * One channel of a Palette Color Lookup Table (PS3.3 C.7.6.3.1.5/6, C.7.9), reduced to 8-bit output values.
 *
 * @param first   first mapped value: stored values at or below it take entry 0
 * @param entries output value of each entry, 0..255
 */
record PaletteLut(int first, int[] entries) {
    /** Upper bound on entries: the descriptor's 0 means 65536 (C.7.6.3.1.5). */
    static final int MAX_ENTRIES = 65536;

    /**
     * Reads one channel from its descriptor and its Data or Segmented Data.
     *
     * @param signedIndex Pixel Representation 1: the first mapped value is then a signed 16-bit number
     */
    static PaletteLut read(Dataset ds, String colour, int descriptorTag, int dataTag, int segmentedTag,
                           boolean signedIndex) throws CodecException {
        int[] d = ds.getInts(descriptorTag);
        if (d.length < 3) {
            throw new CodecException(colour + " Palette Color Lookup Table Descriptor has " + d.length
                    + " values; 3 are required (PS3.3 C.7.6.3.1.5)");
        }
        int count = d[0] & 0xFFFF;
        if (count == 0) count = MAX_ENTRIES;
        int first = signedIndex ? (short) d[1] : d[1] & 0xFFFF;
        int bits = d[2];
        if (bits != 8 && bits != 16) {
            throw new CodecException(colour + " palette descriptor gives " + bits + " bits per entry; 8 or 16 expected");
        }
        int[] values;
        byte[] segmented = ds.getBytes(segmentedTag);
        byte[] data = ds.getBytes(dataTag);
        if (segmented != null && segmented.length > 0) {
            values = SegmentedLut.expand(words(segmented), count, colour);
        } else if (data != null && data.length > 0) {
            values = bits == 8 && data.length < 2 * count ? packedBytes(data, count, colour) : words(data);
            if (values.length < count) {
                throw new CodecException(colour + " Palette Color Lookup Table Data has " + values.length
                        + " entries; the descriptor promises " + count);
            }
        } else {
            throw new CodecException("no " + colour + " Palette Color Lookup Table Data nor Segmented Data");
        }
        int max = 0;
        for (int i = 0; i < count; i++) max = Math.max(max, values[i]);
        // Entries said to be 16 bits are scaled to 8 by >> 8, unless none exceeds 255: then, as DCMTK does, the
        // table is taken as holding 8-bit values in 16-bit words (a common encoder mistake).
        int shift = max > 255 ? 8 : 0;
        int[] out = new int[count];
        for (int i = 0; i < count; i++) out[i] = (values[i] >>> shift) & 0xFF;
        return new PaletteLut(first, out);
    }

    /** Entry for a stored pixel value: clamped to the first and last entries (C.7.6.3.1.5). */
    int lookup(int value) {
        int i = value - first;
        if (i <= 0) return entries[0];
        return i >= entries.length ? entries[entries.length - 1] : entries[i];
    }

    private static int[] words(byte[] b) {
        int[] w = new int[b.length / 2];
        for (int i = 0; i < w.length; i++) w[i] = (b[2 * i] & 0xFF) | (b[2 * i + 1] & 0xFF) << 8;
        return w;
    }

    /** 8-bit entries packed two per OW word, low byte first (C.7.6.3.1.6, read as little-endian bytes). */
    private static int[] packedBytes(byte[] b, int count, String colour) throws CodecException {
        if (b.length < count) {
            throw new CodecException(colour + " Palette Color Lookup Table Data has " + b.length
                    + " bytes for " + count + " 8-bit entries");
        }
        int[] v = new int[count];
        for (int i = 0; i < count; i++) v[i] = b[i] & 0xFF;
        return v;
    }
}
