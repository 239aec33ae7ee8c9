package org.pdistation.imaging.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pdistation.imaging.data.BulkData;
import org.pdistation.imaging.data.ByteUtils;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

/**
 * Compares two datasets element by element after decoding what differs only in encoding: byte order (binary values
 * compared little endian), trailing padding, bulk data references, and VRs that an implicit VR syntax cannot carry.
 */
final class DatasetComparison {
    private final boolean implicitTarget;
    private final List<String> differences = new ArrayList<>();

    private DatasetComparison(boolean implicitTarget) {
        this.implicitTarget = implicitTarget;
    }

    /** Differences of {@code actual} from {@code expected}, as readable lines; empty when equal. */
    static List<String> differences(Dataset expected, Dataset actual, boolean implicitTarget) {
        DatasetComparison c = new DatasetComparison(implicitTarget);
        c.compare("", expected, actual, true);
        return c.differences;
    }

    private void compare(String path, Dataset a, Dataset b, boolean topLevel) {
        List<Integer> tagsA = tags(a, topLevel);
        List<Integer> tagsB = tags(b, topLevel);
        if (!tagsA.equals(tagsB)) {
            List<Integer> missing = new ArrayList<>(tagsA);
            missing.removeAll(tagsB);
            List<Integer> extra = new ArrayList<>(tagsB);
            extra.removeAll(tagsA);
            differences.add(path + ": missing " + names(missing) + ", extra " + names(extra));
        }
        for (int tag : tagsA) {
            if (!b.contains(tag)) {
                continue;
            }
            String where = path + Tag.toString(tag);
            VR va = a.vrOf(tag);
            VR vb = b.vrOf(tag);
            Object x = a.get(tag);
            Object y = b.get(tag);
            if (va != vb && !(implicitTarget && (vb == VR.UN || Tag.isPrivate(tag) || ambiguous(tag)))
                    && !(x instanceof Sequence && y instanceof Sequence)) {
                differences.add(where + ": VR " + va + " became " + vb);
            }
            if (x instanceof Sequence sx) {
                if (!(y instanceof Sequence sy)) {
                    differences.add(where + ": sequence became " + kind(y));
                    continue;
                }
                if (sx.size() != sy.size()) {
                    differences.add(where + ": " + sx.size() + " items became " + sy.size());
                    continue;
                }
                for (int i = 0; i < sx.size(); i++) {
                    compare(where + "[" + i + "]", sx.get(i), sy.get(i), false);
                }
            } else if (x instanceof Fragments fx) {
                if (!(y instanceof Fragments fy) || fx.size() != fy.size()) {
                    differences.add(where + ": fragments differ in number or kind");
                    continue;
                }
                for (int i = 0; i < fx.size(); i++) {
                    byte[] bx = bytes(fx.get(i));
                    byte[] by = bytes(fy.get(i));
                    if (!equalAllowingPad(bx, by, (byte) 0)) {
                        differences.add(where + " fragment " + i + ": " + bx.length + " bytes became " + by.length);
                    }
                }
            } else {
                byte[] bx = canonical(x, va, a.isBigEndian());
                byte[] by = canonical(y, va, b.isBigEndian() && vb != VR.UN);
                if (va.isString()) {
                    bx = stripPadding(bx);
                    by = stripPadding(by);
                }
                if (!equalAllowingPad(bx, by, va.padding())) {
                    differences.add(where + " " + va + ": " + show(bx) + " became " + show(by));
                }
            }
        }
    }

    /** Elements whose VR depends on other elements (PS3.5 Table 6-1 "US or SS", "OB or OW"). */
    private static boolean ambiguous(int tag) {
        return Tag.group(tag) == 0x0028 || tag == Tag.PixelData || Tag.group(tag) == 0x5400 || (tag >>> 24) == 0x60;
    }

    private static List<Integer> tags(Dataset ds, boolean topLevel) {
        List<Integer> t = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            if (!Tag.isGroupLength(tag) && !(topLevel && Tag.group(tag) == 0x0002)) {
                t.add(tag);
            }
        }
        return t;
    }

    private static String names(List<Integer> tags) {
        return tags.stream().map(Tag::toString).toList().toString();
    }

    private static String kind(Object v) {
        return v == null ? "empty" : v.getClass().getSimpleName();
    }

    /** The value's bytes in little-endian order. */
    private static byte[] canonical(Object v, VR vr, boolean bigEndian) {
        byte[] b = v == null ? new byte[0] : v instanceof byte[] raw ? raw : v instanceof BulkData bulk ? read(bulk)
                : v instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8) : new byte[0];
        int width = ByteUtils.swapWidth(vr);
        if (bigEndian && width > 1) {
            b = b.clone();
            ByteUtils.swap(b, 0, b.length - b.length % width, width);
        }
        return b;
    }

    private static byte[] bytes(Object fragment) {
        return fragment instanceof byte[] b ? b : read((BulkData) fragment);
    }

    static byte[] read(BulkData bulk) {
        try (FileChannel ch = FileChannel.open(bulk.file(), StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(bulk.length()));
            while (buf.hasRemaining() && ch.read(buf, bulk.offset() + buf.position()) > 0) {
                // keep reading
            }
            return buf.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] stripPadding(byte[] b) {
        int n = b.length;
        while (n > 0 && (b[n - 1] == ' ' || b[n - 1] == 0)) {
            n--;
        }
        return n == b.length ? b : Arrays.copyOf(b, n);
    }

    /** Odd-length source values gain one padding byte when written (PS3.5 7.1.1). */
    private static boolean equalAllowingPad(byte[] a, byte[] b, byte pad) {
        if (Arrays.equals(a, b)) {
            return true;
        }
        return (a.length & 1) == 1 && b.length == a.length + 1 && Arrays.equals(a, 0, a.length, b, 0, a.length)
                && (b[a.length] == pad || b[a.length] == 0);
    }

    private static String show(byte[] b) {
        if (b.length > 32) {
            return b.length + " bytes";
        }
        return Arrays.toString(b);
    }
}
