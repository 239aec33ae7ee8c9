package org.pdistation.imaging.render;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;

/**
 * The grey-scale standard display pipeline of one monochrome image (PS3.4 N.2.1.1): stored values → Modality LUT
 * (C.11.1) → VOI (C.11.2) → Presentation LUT (C.11.6) → 8-bit grey or opaque ARGB.
 *
 * <p>For up to 16 stored bits the three steps are folded into one table indexed by stored value, kept in the
 * caller's {@link LutCache}; rendering is then one lookup per pixel and allocates nothing. 32-bit data is computed
 * per pixel. Not thread-safe for the per-frame caches (attributes, min/max); use one renderer per reader thread.
 */
public final class GreyscaleRenderer {
    /** Output staging for direct buffers; the reason a renderer is used by one thread at a time. */
    private byte[] scratch = new byte[0];
    /** ARGB staging for direct IntBuffers, for the same reason. */
    private int[] argbScratch = new int[0];
    private ModalityLut lastModality;
    private Voi lastVoi;
    private LutCache.Tables lastTables;
    private final ImageDescriptor desc;
    private final Dataset dataset;
    private final LutCache cache;
    private final ModalityLut.Table modalityTable;
    private final List<Voi.Table> voiTables;
    private final PresentationLut presentation;
    private final FrameAttributes[] attributes;
    private final double[] minMax;

    private GreyscaleRenderer(Dataset ds, ImageDescriptor desc, LutCache cache) throws CodecException {
        this.dataset = ds;
        this.desc = desc;
        this.cache = cache;
        this.modalityTable = modalityTable(ds, desc);
        this.voiTables = voiTables(ds);
        this.presentation = presentation(ds, desc);
        this.attributes = new FrameAttributes[desc.frames()];
        this.minMax = new double[2 * desc.frames()];
        Arrays.fill(minMax, Double.NaN);
    }

    /**
     * A renderer for a monochrome image.
     *
     * @throws CodecException for colour images (the colour renderer handles them) or unreadable LUTs
     */
    public static GreyscaleRenderer of(Dataset ds, ImageDescriptor desc, LutCache cache) throws CodecException {
        if (!desc.photometric().isMonochrome() || desc.samplesPerPixel() != 1) {
            throw new CodecException("not a grey-scale image (use ColourRenderer): " + desc.photometric().term() + " with "
                    + desc.samplesPerPixel() + " samples per pixel");
        }
        return new GreyscaleRenderer(ds, desc, cache);
    }

    public ImageDescriptor descriptor() { return desc; }

    public PresentationLut presentation() { return presentation; }

    /** The per-frame attributes of frame {@code frame} (0-based), resolved once and kept. */
    public FrameAttributes frameAttributes(int frame) {
        checkFrame(frame);
        FrameAttributes a = attributes[frame];
        if (a == null) attributes[frame] = a = FrameAttributes.of(dataset, frame);
        return a;
    }

    /** The modality transformation of a frame: the Modality LUT Sequence when present, else the rescale. */
    public ModalityLut modality(int frame) {
        return modalityTable != null ? modalityTable : frameAttributes(frame).rescale();
    }

    /** The VOI presets of the header, windows first then VOI LUT Sequence items; the first is the default. */
    public List<Voi> presets(int frame) {
        List<Voi> out = new ArrayList<>(frameAttributes(frame).windows());
        out.addAll(voiTables);
        return out;
    }

    /**
     * Finds a preset by 1-based index or, case-insensitively, by (a prefix of) its explanation; null when none.
     */
    public Voi preset(int frame, String nameOrIndex) {
        List<Voi> p = presets(frame);
        try {
            int i = Integer.parseInt(nameOrIndex.strip());
            return i >= 1 && i <= p.size() ? p.get(i - 1) : null;
        } catch (NumberFormatException e) {
            String n = nameOrIndex.strip().toLowerCase(Locale.ROOT);
            for (Voi v : p) if (v.label().toLowerCase(Locale.ROOT).startsWith(n)) return v;
            return null;
        }
    }

    /** The header's first preset, or the min/max window of the frame's modality values when there is none. */
    public Voi defaultVoi(int frame, FrameBuffer data) {
        List<Voi> p = presets(frame);
        return p.isEmpty() ? minMaxVoi(frame, data) : p.get(0);
    }

    /**
     * A LINEAR_EXACT window from the smallest to the largest modality value of the frame, so that the minimum
     * renders black and the maximum white. Computed on the first call per frame and kept.
     */
    public Voi minMaxVoi(int frame, FrameBuffer data) {
        checkFrame(frame);
        if (Double.isNaN(minMax[2 * frame])) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            int n = (int) desc.pixels();
            boolean unsigned32 = data.kind() == FrameBuffer.Kind.INT && !desc.signed();
            for (int i = 0; i < n; i++) {
                long s = unsigned32 ? data.ints()[i] & 0xFFFFFFFFL : data.sample(i);
                if (s < min) min = s;
                if (s > max) max = s;
            }
            if (n == 0) min = max = 0;
            ModalityLut m = modality(frame);
            double a = m.apply(min);
            double b = m.apply(max);
            if (m instanceof ModalityLut.Table t) { // a LUT need not be monotonic: take its range over [min, max]
                a = Double.MAX_VALUE;
                b = -Double.MAX_VALUE;
                long lo = Math.max(min, t.lut().firstMapped());
                long hi = Math.min(max, (long) t.lut().firstMapped() + t.lut().size() - 1);
                for (long s = lo; s <= hi; s++) {
                    double v = t.apply(s);
                    a = Math.min(a, v);
                    b = Math.max(b, v);
                }
                for (long s : new long[] {min, max}) {
                    a = Math.min(a, t.apply(s));
                    b = Math.max(b, t.apply(s));
                }
            }
            minMax[2 * frame] = Math.min(a, b);
            minMax[2 * frame + 1] = Math.max(a, b);
        }
        double lo = minMax[2 * frame];
        double hi = minMax[2 * frame + 1];
        double width = hi > lo ? hi - lo : 1;
        return new Voi.Window(lo + width / 2, width, Voi.Function.LINEAR_EXACT, "min/max");
    }

    /** The display value 0…255 of one stored value, without tables: the reference the tables are built from. */
    public static int grey(double stored, ModalityLut m, Voi voi, PresentationLut p) {
        double y = p.apply(voi.apply(m.apply(stored)));
        if (!(y > 0)) return 0;
        if (y >= 1) return 255;
        return (int) Math.round(y * 255);
    }

    /**
     * Renders frame {@code frame} held in {@code data} (stored values, {@link FrameBuffer#normalize}d) as 8-bit
     * grey, rows × columns bytes from {@code dst}'s position; the position is left where it was.
     */
    public void render(FrameBuffer data, int frame, Voi voi, ByteBuffer dst) {
        int n = checkSize(data, dst.remaining());
        int pos = dst.position();
        ModalityLut m = modality(frame);
        if (data.kind() == FrameBuffer.Kind.INT || desc.bitsStored() > 16) {
            for (int i = 0; i < n; i++) dst.put(pos + i, (byte) grey(sample32(data, i), m, voi, presentation));
            return;
        }
        LutCache.Tables tables = entry(m, voi);
        byte[] table = tables.grey;
        int mask = table.length - 1;
        int offset = desc.signed() ? table.length >> 1 : 0;
        if (dst.hasArray()) {
            byte[] out = dst.array();
            int o = dst.arrayOffset() + pos;
            // Stored values are normalised (masked or sign-extended to Bits Stored), so every value is inside the
            // table and the affine loop gives the table's byte for it.
            if (tables.clamped != null && data.kind() == FrameBuffer.Kind.SHORT
                    && (desc.signed() || desc.bitsStored() <= 15)) {
                tables.clamped.render(data.shorts(), n, out, o);
            } else if (tables.affine != null && data.kind() == FrameBuffer.Kind.SHORT
                    && (desc.signed() || desc.bitsStored() <= 15)) {
                tables.affine.render(data.shorts(), n, out, o);
            } else if (tables.affine != null && data.kind() == FrameBuffer.Kind.BYTE && !desc.signed()) {
                tables.affine.renderUnsigned(data.bytes(), n, out, o);
            } else if (data.kind() == FrameBuffer.Kind.SHORT) {
                windowShorts(data.shorts(), n, table, offset, out, o);
            } else {
                byte[] s = data.bytes();
                for (int i = 0; i < n; i++) out[o + i] = table[(s[i] + offset) & mask];
            }
        } else {
            // A direct buffer (what a JavaFX PixelBuffer wraps): render into a reused array, then one bulk copy,
            // so that the hot loops above run over arrays, where the JIT vectorises them.
            if (scratch.length < n) scratch = new byte[n];
            render(data, frame, voi, ByteBuffer.wrap(scratch, 0, n));
            dst.put(pos, scratch, 0, n);
        }
    }

    /**
     * Renders as opaque premultiplied ARGB (what JavaFX {@code PixelFormat.getIntArgbPreInstance()} reads), rows ×
     * columns ints from {@code dst}'s position; the position is left where it was.
     */
    public void renderArgb(FrameBuffer data, int frame, Voi voi, IntBuffer dst) {
        int n = checkSize(data, dst.remaining());
        int pos = dst.position();
        ModalityLut m = modality(frame);
        if (data.kind() == FrameBuffer.Kind.INT || desc.bitsStored() > 16) {
            for (int i = 0; i < n; i++) {
                int g = grey(sample32(data, i), m, voi, presentation);
                dst.put(pos + i, 0xFF000000 | g << 16 | g << 8 | g);
            }
            return;
        }
        LutCache.Tables tables = entry(m, voi);
        if (tables.clamped != null && data.kind() == FrameBuffer.Kind.SHORT
                && (desc.signed() || desc.bitsStored() <= 15)) {
            // The clamped-affine loop straight to ARGB ints (vectorised: the store is int-wide, so the grey level
            // may be widened with integer arithmetic), into the caller's array or a reused one, then one bulk
            // copy: a per-pixel put into a direct IntBuffer is not vectorised.
            if (dst.hasArray()) {
                tables.clamped.renderArgb(data.shorts(), n, dst.array(), dst.arrayOffset() + pos);
            } else {
                if (argbScratch.length < n) argbScratch = new int[n];
                tables.clamped.renderArgb(data.shorts(), n, argbScratch, 0);
                dst.put(pos, argbScratch, 0, n);
            }
            return;
        }
        int[] table = tables.argb();
        int mask = table.length - 1;
        int offset = desc.signed() ? table.length >> 1 : 0;
        if (data.kind() == FrameBuffer.Kind.SHORT) {
            short[] s = data.shorts();
            for (int i = 0; i < n; i++) dst.put(pos + i, table[(s[i] + offset) & mask]);
        } else {
            byte[] s = data.bytes();
            for (int i = 0; i < n; i++) dst.put(pos + i, table[(s[i] + offset) & mask]);
        }
    }

    /**
     * The hot loop: one table lookup per pixel; the mask keeps every index inside the table whatever the samples
     * hold. A hand-unrolled variant measured no faster (C2 unrolls this loop itself).
     */
    private static void windowShorts(short[] s, int n, byte[] table, int offset, byte[] out, int o) {
        int mask = table.length - 1;
        for (int i = 0; i < n; i++) out[o + i] = table[(s[i] + offset) & mask];
    }

    /** The combined table for a frame's modality LUT and {@code voi} (for tests and custom loops). */
    public byte[] table(ModalityLut m, Voi voi) {
        return entry(m, voi).grey;
    }

    private LutCache.Tables entry(ModalityLut m, Voi voi) {
        // The last parameters, kept here: scrolling and cine render frame after frame with the same ones, and the
        // cache key and its builder would otherwise be allocated on every call.
        if (m == lastModality && voi.equals(lastVoi)) return lastTables;
        LutCache.Tables t = lookup(m, voi);
        lastModality = m;
        lastVoi = voi;
        lastTables = t;
        return t;
    }

    private LutCache.Tables lookup(ModalityLut m, Voi voi) {
        int bits = desc.bitsStored();
        boolean signed = desc.signed();
        LutCache.Key key = new LutCache.Key(m, voi, presentation, bits, signed);
        return cache.get(key, () -> {
            // Index i holds stored value i − offset: signed values are offset by 2^(bits−1) (two's complement
            // ordering folded by the mask in the render loops).
            int size = 1 << bits;
            int offset = signed ? size >> 1 : 0;
            byte[] t = new byte[size];
            AffineGrey affine = AffineGrey.of(m, voi, presentation);
            if (affine != null) {
                for (int i = 0; i < size; i++) t[i] = (byte) affine.grey(i - offset);
            } else {
                for (int i = 0; i < size; i++) t[i] = (byte) grey(i - offset, m, voi, presentation);
            }
            return new LutCache.Tables(t, affine, affine == null ? null : ClampedAffineGrey.of(affine, t, offset));
        });
    }

    private double sample32(FrameBuffer data, int i) {
        return data.kind() == FrameBuffer.Kind.INT && !desc.signed() ? data.ints()[i] & 0xFFFFFFFFL : data.sample(i);
    }

    private int checkSize(FrameBuffer data, int remaining) {
        long n = desc.pixels();
        if (data.sampleCount() < n) {
            throw new IllegalArgumentException("frame buffer holds " + data.sampleCount() + " samples, image needs " + n);
        }
        if (remaining < n) throw new IllegalArgumentException("destination has room for " + remaining + " of " + n);
        return (int) n;
    }

    private void checkFrame(int frame) {
        if (frame < 0 || frame >= desc.frames()) {
            throw new IndexOutOfBoundsException("frame " + frame + " of " + desc.frames());
        }
    }

    // ----- header parsing ---------------------------------------------------------------------------------------

    /** Modality LUT Sequence (0028,3000), C.11.1: its first item, when present, replaces the rescale. */
    private static ModalityLut.Table modalityTable(Dataset ds, ImageDescriptor desc) throws CodecException {
        Sequence s = ds.getSequence(Tag.ModalityLUTSequence);
        if (s == null || s.size() == 0) return null;
        Dataset item = s.get(0);
        // C.11.1.1.1: the first mapped value is signed (SS) when Pixel Representation is 1.
        LutTable lut = LutTable.parse(item, desc.signed());
        return new ModalityLut.Table(lut, item.getString(Tag.ModalityLUTType));
    }

    /** VOI LUT Sequence (0028,3010), C.11.2.1.1: each item is a preset. */
    private static List<Voi.Table> voiTables(Dataset ds) throws CodecException {
        Sequence s = ds.getSequence(Tag.VOILUTSequence);
        if (s == null) return List.of();
        List<Voi.Table> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            // The first mapped value follows the modality output, which may be negative: read it as signed when
            // the data are signed (the common reading; C.11.2.1.1 allows either).
            out.add(new Voi.Table(LutTable.parse(s.get(i), ds.getInt(Tag.PixelRepresentation, 0) == 1)));
        }
        return out;
    }

    /**
     * Presentation LUT Sequence (2050,0010) or Shape (2050,0020); absent, MONOCHROME1 is INVERSE and MONOCHROME2
     * IDENTITY (C.7.6.3.1.2, C.11.6.1).
     */
    private static PresentationLut presentation(Dataset ds, ImageDescriptor desc) throws CodecException {
        Sequence s = ds.getSequence(Tag.PresentationLUTSequence);
        if (s != null && s.size() > 0) return new PresentationLut.Table(LutTable.parse(s.get(0), false));
        // A MONOCHROME1 image is displayed inverted (C.7.6.3.1.2); its Presentation LUT Shape, where an IOD
        // requires one, is INVERSE for exactly that inversion (e.g. DX C.8.11.1.1.1), so it is not applied twice.
        boolean mono1 = desc.photometric() == org.pdistation.imaging.codec.Photometric.MONOCHROME1;
        String shape = ds.getString(Tag.PresentationLUTShape);
        boolean inverse = mono1 || shape != null && shape.strip().equalsIgnoreCase("INVERSE");
        return inverse ? PresentationLut.Shape.INVERSE : PresentationLut.Shape.IDENTITY;
    }
}
