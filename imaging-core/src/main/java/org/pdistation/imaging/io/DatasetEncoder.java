package org.pdistation.imaging.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.ByteUtils;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.data.ValueEncoder;

/** Encodes datasets in one transfer syntax (PS3.5 7), and computes the lengths that encoding will have. */
final class DatasetEncoder {
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final boolean explicit;
    private final boolean be;
    private final WriteOptions options;

    DatasetEncoder(TransferSyntax ts, WriteOptions options) {
        this.explicit = ts.explicitVR();
        this.be = ts.bigEndian();
        this.options = options;
    }

    /** Writes the elements of {@code ds}; at the top level, group 0002 is left to the file meta. */
    void write(DicomOutput out, Dataset ds, boolean topLevel) throws IOException {
        int currentGroup = -1;
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            if (skipped(tag, topLevel)) {
                continue;
            }
            int group = Tag.group(tag);
            if (options.groupLengths() && group != currentGroup) {
                currentGroup = group;
                writeHeader(out, (group << 16), VR.UL, 4);
                out.u32(groupLength(ds, i, group, topLevel), be);
            }
            writeElement(out, ds, i);
        }
    }

    /** Encoded length of the elements of {@code ds} (what an item of defined length holds). */
    long length(Dataset ds, boolean topLevel) {
        long n = 0;
        int currentGroup = -1;
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            if (skipped(tag, topLevel)) {
                continue;
            }
            int group = Tag.group(tag);
            if (options.groupLengths() && group != currentGroup) {
                currentGroup = group;
                n += 12;
            }
            n += elementLength(ds, i);
        }
        return n;
    }

    private static boolean skipped(int tag, boolean topLevel) {
        return Tag.isGroupLength(tag) || topLevel && Tag.group(tag) == 0x0002;
    }

    private long groupLength(Dataset ds, int from, int group, boolean topLevel) {
        long n = 0;
        for (int i = from; i < ds.size() && Tag.group(ds.tagAt(i)) == group; i++) {
            if (!skipped(ds.tagAt(i), topLevel)) {
                n += elementLength(ds, i);
            }
        }
        return n;
    }

    private long elementLength(Dataset ds, int i) {
        long value = valueLength(ds, i);
        VR vr = outputVR(ds.vrAt(i), ds.valueAt(i), value);
        return headerLength(vr) + value;
    }

    private int headerLength(VR vr) {
        return explicit && vr.hasLongHeader() ? 12 : 8;
    }

    /** Length of the value as written, delimiters included for undefined lengths. */
    private long valueLength(Dataset ds, int i) {
        Object v = ds.valueAt(i);
        if (v == null) {
            return 0;
        }
        if (v instanceof byte[] b) {
            return even(b.length);
        }
        if (v instanceof String s) {
            return even(text(ds, i, s).length);
        }
        if (v instanceof BulkData b) {
            return even(b.length());
        }
        if (v instanceof Fragments f) {
            long n = 8;
            for (int k = 0; k < f.size(); k++) {
                n += 8 + even(f.length(k));
            }
            return n;
        }
        Sequence seq = (Sequence) v;
        long n = options.definedLengthSequences() ? 0 : 8;
        for (Dataset item : seq) {
            n += 8 + length(item, false) + (options.definedLengthSequences() ? 0 : 8);
        }
        return n;
    }

    private static long even(long n) {
        return n + (n & 1);
    }

    private byte[] text(Dataset ds, int i, String s) {
        try {
            return ValueEncoder.encodeText(ds.vrAt(i), s, ds.charset());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot encode " + Tag.toString(ds.tagAt(i)) + " in the character set "
                    + ds.charset() + ": " + e.getMessage(), e);
        }
    }

    /** PS3.5 6.2.2: a value too long for a 16-bit length field is written as UN. */
    private VR outputVR(VR vr, Object value, long valueLength) {
        if (value instanceof Sequence) {
            return VR.SQ;
        }
        if (explicit && !vr.hasLongHeader() && valueLength > 0xFFFF) {
            return VR.UN;
        }
        return vr;
    }

    private void writeHeader(DicomOutput out, int tag, VR vr, long length) throws IOException {
        out.tag(tag, be);
        if (!explicit) {
            out.u32(length, be);
        } else if (vr.hasLongHeader()) {
            out.write(vr.name().charAt(0));
            out.write(vr.name().charAt(1));
            out.zeros(2);
            out.u32(length, be);
        } else {
            out.write(vr.name().charAt(0));
            out.write(vr.name().charAt(1));
            out.u16((int) length, be);
        }
    }

    private void writeElement(DicomOutput out, Dataset ds, int i) throws IOException {
        int tag = ds.tagAt(i);
        VR vr = ds.vrAt(i);
        Object v = ds.valueAt(i);
        if (v instanceof Sequence seq) {
            writeSequence(out, tag, seq, ds, i);
            return;
        }
        if (v instanceof Fragments f) {
            writeHeader(out, tag, f.vr() == VR.OW ? VR.OW : VR.OB, UNDEFINED);
            writeFragments(out, f);
            return;
        }
        byte[] bytes = v instanceof String s ? text(ds, i, s) : v instanceof byte[] b ? b : null;
        if (bytes != null) {
            long len = even(bytes.length);
            writeHeader(out, tag, outputVR(vr, v, len), len);
            writeSwapped(out, bytes, vr, ds.isBigEndian());
            if ((bytes.length & 1) != 0) {
                out.write(vr.padding());
            }
        } else if (v instanceof BulkData bulk) {
            long len = even(bulk.length());
            writeHeader(out, tag, outputVR(vr, v, len), len);
            copyBulk(out, bulk, vr);
            if ((bulk.length() & 1) != 0) {
                out.write(vr.padding());
            }
        } else {
            writeHeader(out, tag, outputVR(vr, null, 0), 0);
        }
    }

    private void writeSwapped(DicomOutput out, byte[] bytes, VR vr, boolean sourceBigEndian) throws IOException {
        int width = ByteUtils.swapWidth(vr);
        if (sourceBigEndian == be || width == 1) {
            out.write(bytes, 0, bytes.length);
            return;
        }
        byte[] copy = bytes.clone();
        ByteUtils.swap(copy, 0, copy.length, width);
        out.write(copy, 0, copy.length);
    }

    private void copyBulk(DicomOutput out, BulkData bulk, VR vr) throws IOException {
        int width = ByteUtils.swapWidth(vr);
        boolean swap = bulk.bigEndian() != be && width > 1;
        byte[] chunk = new byte[(int) Math.min(1 << 20, Math.max(8, bulk.length()))];
        try (SeekableByteChannel ch = ChannelReads.open(bulk.file())) {
            long done = 0;
            while (done < bulk.length()) {
                int want = (int) Math.min(chunk.length, bulk.length() - done);
                ByteBuffer bb = ByteBuffer.wrap(chunk, 0, want);
                while (bb.hasRemaining()) {
                    if (ChannelReads.read(ch, bb, bulk.offset() + done + bb.position()) < 0) {
                        throw new java.io.EOFException(bulk.file() + ": bulk data ends before offset "
                                + (bulk.offset() + bulk.length()));
                    }
                }
                if (swap) {
                    ByteUtils.swap(chunk, 0, want, width);
                }
                out.write(chunk, 0, want);
                done += want;
            }
        }
    }

    private void writeFragments(DicomOutput out, Fragments f) throws IOException {
        for (int k = 0; k < f.size(); k++) {
            Object item = f.get(k);
            long len = even(f.length(k));
            out.tag(Tag.Item, be);
            out.u32(len, be);
            if (item instanceof byte[] b) {
                out.write(b, 0, b.length);
            } else {
                copyBulk(out, (BulkData) item, VR.OB);
            }
            if ((f.length(k) & 1) != 0) {
                out.write(0);
            }
        }
        out.tag(Tag.SequenceDelimitationItem, be);
        out.u32(0, be);
    }

    private void writeSequence(DicomOutput out, int tag, Sequence seq, Dataset ds, int i) throws IOException {
        boolean defined = options.definedLengthSequences();
        writeHeader(out, tag, VR.SQ, defined ? valueLength(ds, i) : UNDEFINED);
        for (Dataset item : seq) {
            out.tag(Tag.Item, be);
            out.u32(defined ? length(item, false) : UNDEFINED, be);
            write(out, item, false);
            if (!defined) {
                out.tag(Tag.ItemDelimitationItem, be);
                out.u32(0, be);
            }
        }
        if (!defined) {
            out.tag(Tag.SequenceDelimitationItem, be);
            out.u32(0, be);
        }
    }
}
