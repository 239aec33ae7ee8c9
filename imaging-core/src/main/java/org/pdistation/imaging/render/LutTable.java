package org.pdistation.imaging.render;

import java.io.IOException;
import java.util.Arrays;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.BulkDataLoader;

/**
 * A lookup table item of a Modality, VOI or Presentation LUT Sequence (PS3.3 C.11.1.1.1, C.11.2.1.1): input values
 * from {@code firstMapped} to {@code firstMapped + data.length − 1}; inputs below the first or above the last entry
 * take the first or last entry. Output values are unsigned, {@code bits} wide.
 *
 * <p>Equality is identity: a table is parsed once per instance and then used as a cache key.
 */
public final class LutTable {
    private final int firstMapped;
    private final int[] data;
    private final int bits;
    private final String explanation;

    public LutTable(int firstMapped, int[] data, int bits, String explanation) {
        if (data.length == 0) throw new IllegalArgumentException("empty LUT");
        this.firstMapped = firstMapped;
        this.data = data;
        this.bits = bits;
        this.explanation = explanation;
    }

    public int firstMapped() { return firstMapped; }

    public int size() { return data.length; }

    public int bits() { return bits; }

    public String explanation() { return explanation; }

    /** Largest output value the descriptor allows: 2^bits − 1. */
    public int maxOutput() { return (1 << bits) - 1; }

    /** Output for input {@code x}, clamped to the table's range (PS3.3 C.11.1.1.1). */
    public int lookup(double x) {
        double i = Math.floor(x) - firstMapped;
        int idx = i <= 0 ? 0 : i >= data.length - 1 ? data.length - 1 : (int) i;
        return data[idx];
    }

    public int entry(int i) { return data[i]; }

    public int minValue() { return Arrays.stream(data).min().orElse(0); }

    public int maxValue() { return Arrays.stream(data).max().orElse(0); }

    /**
     * Parses one LUT item: LUT Descriptor (0028,3002), LUT Data (0028,3006), LUT Explanation (0028,3003).
     *
     * @param signedFirst whether the descriptor's second value (first mapped input) is signed: for a Modality LUT
     *                    it is when Pixel Representation is 1 (C.11.1.1.1); it is read as US otherwise
     */
    public static LutTable parse(Dataset item, boolean signedFirst) throws CodecException {
        int[] desc = item.getInts(Tag.LUTDescriptor);
        if (desc.length < 3) throw new CodecException("LUT Descriptor (0028,3002) has " + desc.length + " values, needs 3");
        int entries = desc[0] & 0xFFFF;
        if (entries == 0) entries = 65536; // C.11.1.1.1: 0 means 2^16 entries
        int first = signedFirst ? (short) desc[1] : desc[1] & 0xFFFF;
        int bits = desc[2] & 0xFFFF;
        if (bits < 1 || bits > 16) throw new CodecException("LUT Descriptor bits " + bits + " (expected 8 or 16)");
        byte[] raw;
        boolean bigEndian = item.isBigEndian();
        Object v = item.get(Tag.LUTData);
        try {
            if (v instanceof BulkData b) {
                raw = BulkDataLoader.load(b);
                bigEndian = b.bigEndian();
            } else {
                raw = item.getBytes(Tag.LUTData);
            }
        } catch (IOException e) {
            throw new CodecException("cannot read LUT Data (0028,3006): " + e.getMessage(), e);
        }
        if (raw == null || raw.length == 0) throw new CodecException("LUT Data (0028,3006) missing or empty");
        int[] data = new int[entries];
        if (bits <= 8 && raw.length >= entries && raw.length < 2 * entries) {
            // C.11.1.1.1: 8-bit entries are stored "equivalent to 8 bits allocated": two entries per 16-bit word,
            // which in the little-endian byte stream is simply one entry per byte.
            for (int i = 0; i < entries; i++) data[i] = raw[bigEndian ? i ^ 1 : i] & 0xFF;
        } else {
            // 16-bit words; also the common writer habit of one 8-bit entry per 16-bit word.
            int words = raw.length / 2;
            if (words < entries) {
                throw new CodecException("LUT Data has " + words + " 16-bit values, descriptor says " + entries);
            }
            int mask = (1 << bits) - 1;
            for (int i = 0; i < entries; i++) {
                int lo = raw[2 * i] & 0xFF;
                int hi = raw[2 * i + 1] & 0xFF;
                data[i] = (bigEndian ? (lo << 8) | hi : (hi << 8) | lo) & mask;
            }
        }
        return new LutTable(first, data, bits, item.getString(Tag.LUTExplanation));
    }

    @Override
    public String toString() {
        return "LUT[" + data.length + " from " + firstMapped + ", " + bits + " bits" + (explanation != null ? ", "
                + explanation : "") + "]";
    }
}
