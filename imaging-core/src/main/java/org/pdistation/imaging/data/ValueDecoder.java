package org.pdistation.imaging.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns stored values into strings and numbers, honouring VR, byte order and character set. */
final class ValueDecoder {
    private static final String[] NONE = new String[0];

    private ValueDecoder() {}

    static String[] strings(VR vr, Object value, Dataset ds) {
        if (value instanceof String s) {
            return vr.isMultiValuedString() ? split(s, vr) : new String[] {trim(vr, s)};
        }
        if (!(value instanceof byte[] b) || b.length == 0) {
            return NONE;
        }
        if (vr.isString()) {
            String text = vr.isCharsetDependent()
                    ? ds.charset().decode(b, 0, b.length, vr == VR.PN)
                    : new String(b, StandardCharsets.ISO_8859_1);
            return vr.isMultiValuedString() ? split(text, vr) : new String[] {trim(vr, text)};
        }
        return binaryStrings(vr, b, ds.isBigEndian());
    }

    private static String[] binaryStrings(VR vr, byte[] b, boolean be) {
        int w = vr.bytesPerValue();
        if (vr.isBulk() || w == 0) {
            return NONE;
        }
        int n = b.length / w;
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            int off = i * w;
            out[i] = switch (vr) {
                case US -> Integer.toString(ByteUtils.u16(b, off, be));
                case SS -> Integer.toString(ByteUtils.s16(b, off, be));
                case UL -> Long.toString(ByteUtils.u32(b, off, be));
                case SL -> Integer.toString(ByteUtils.s32(b, off, be));
                case FL -> Float.toString(Float.intBitsToFloat(ByteUtils.s32(b, off, be)));
                case FD -> Double.toString(Double.longBitsToDouble(ByteUtils.s64(b, off, be)));
                case SV -> Long.toString(ByteUtils.s64(b, off, be));
                case UV -> Long.toUnsignedString(ByteUtils.s64(b, off, be));
                case AT -> String.format("%08X", ByteUtils.tag(b, off, be));
                default -> "";
            };
        }
        return out;
    }

    private static String[] split(String s, VR vr) {
        int first = s.indexOf('\\');
        if (first < 0) {
            return new String[] {trim(vr, s)};
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int sep = first;
        while (sep >= 0) {
            parts.add(trim(vr, s.substring(start, sep)));
            start = sep + 1;
            sep = s.indexOf('\\', start);
        }
        parts.add(trim(vr, s.substring(start)));
        return parts.toArray(NONE);
    }

    /** PS3.5 6.2: which surrounding spaces are insignificant depends on the VR; NUL padding is a common vendor error. */
    static String trim(VR vr, String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (vr != VR.ST && vr != VR.LT && vr != VR.UT) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    static int[] ints(VR vr, Object value, Dataset ds) {
        long[] l = longs(vr, value, ds);
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = (int) l[i];
        }
        return out;
    }

    static long[] longs(VR vr, Object value, Dataset ds) {
        if (value instanceof byte[] b && !vr.isString()) {
            boolean be = ds.isBigEndian();
            int w = vr.bytesPerValue();
            if (w == 0 || vr == VR.AT) {
                return new long[0];
            }
            int n = b.length / w;
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                int off = i * w;
                out[i] = switch (vr) {
                    case US, OW -> ByteUtils.u16(b, off, be);
                    case SS -> ByteUtils.s16(b, off, be);
                    case UL, OL -> ByteUtils.u32(b, off, be);
                    case SL -> ByteUtils.s32(b, off, be);
                    case FL, OF -> (long) Float.intBitsToFloat(ByteUtils.s32(b, off, be));
                    case FD, OD -> (long) Double.longBitsToDouble(ByteUtils.s64(b, off, be));
                    case SV, UV, OV -> ByteUtils.s64(b, off, be);
                    case OB, UN -> b[off] & 0xFF;
                    default -> 0;
                };
            }
            return out;
        }
        String[] s = strings(vr, value, ds);
        long[] out = new long[s.length];
        int n = 0;
        for (String v : s) {
            try {
                out[n] = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
                n++;
            } catch (NumberFormatException e) {
                // Tolerate "12.0" in an IS (a frequent vendor error); anything else is skipped.
                try {
                    out[n] = (long) Double.parseDouble(v);
                    n++;
                } catch (NumberFormatException ignored) {
                    // not a number
                }
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    static double[] doubles(VR vr, Object value, Dataset ds) {
        if (value instanceof byte[] b && !vr.isString()) {
            boolean be = ds.isBigEndian();
            switch (vr) {
                case FL, OF, FD, OD -> {
                    int w = vr.bytesPerValue();
                    double[] out = new double[b.length / w];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = w == 4 ? Float.intBitsToFloat(ByteUtils.s32(b, i * w, be))
                                : Double.longBitsToDouble(ByteUtils.s64(b, i * w, be));
                    }
                    return out;
                }
                default -> {
                    long[] l = longs(vr, value, ds);
                    double[] out = new double[l.length];
                    for (int i = 0; i < l.length; i++) {
                        // UV above 2^63 arrives as a negative long; rebuild its unsigned magnitude.
                        out[i] = vr == VR.UV && l[i] < 0 ? (double) (l[i] >>> 1) * 2.0 + (l[i] & 1) : l[i];
                    }
                    return out;
                }
            }
        }
        String[] s = strings(vr, value, ds);
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            try {
                out[i] = Double.parseDouble(s[i]);
            } catch (NumberFormatException e) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }
}
