package org.pdistation.imaging.data;

import java.nio.charset.StandardCharsets;

import org.pdistation.imaging.charset.SpecificCharacterSet;

/** Turns numbers and text into stored values. */
public final class ValueEncoder {
    private ValueEncoder() {}

    /** Text in the dataset's character set for the VRs it governs, else in the default repertoire (PS3.5 6.1.2.3). */
    public static byte[] encodeText(VR vr, String s, SpecificCharacterSet cs) {
        return vr.isCharsetDependent() ? cs.encode(s, vr == VR.PN) : s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Object ints(VR vr, int[] v, boolean be) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = v[i];
        }
        return longs(vr, l, be);
    }

    static Object longs(VR vr, long[] v, boolean be) {
        if (vr.isString()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    sb.append('\\');
                }
                sb.append(v[i]);
            }
            return sb.toString();
        }
        int w = Math.max(1, vr.bytesPerValue());
        byte[] b = new byte[v.length * w];
        for (int i = 0; i < v.length; i++) {
            int off = i * w;
            switch (vr) {
                case FL, OF -> ByteUtils.put32(b, off, Float.floatToIntBits(v[i]), be);
                case FD, OD -> ByteUtils.put64(b, off, Double.doubleToLongBits(v[i]), be);
                case AT -> ByteUtils.putTag(b, off, (int) v[i], be);
                default -> {
                    switch (w) {
                        case 1 -> b[off] = (byte) v[i];
                        case 2 -> ByteUtils.put16(b, off, (int) v[i], be);
                        case 4 -> ByteUtils.put32(b, off, (int) v[i], be);
                        default -> ByteUtils.put64(b, off, v[i], be);
                    }
                }
            }
        }
        return b;
    }

    static Object doubles(VR vr, double[] v, boolean be) {
        if (vr.isString()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    sb.append('\\');
                }
                sb.append(formatDecimalString(v[i]));
            }
            return sb.toString();
        }
        if (vr == VR.FL || vr == VR.OF || vr == VR.FD || vr == VR.OD) {
            int w = vr.bytesPerValue();
            byte[] b = new byte[v.length * w];
            for (int i = 0; i < v.length; i++) {
                if (w == 4) {
                    ByteUtils.put32(b, i * w, Float.floatToIntBits((float) v[i]), be);
                } else {
                    ByteUtils.put64(b, i * w, Double.doubleToLongBits(v[i]), be);
                }
            }
            return b;
        }
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = Math.round(v[i]);
        }
        return longs(vr, l, be);
    }

    /** PS3.5 6.2: a DS value is at most 16 characters. */
    static String formatDecimalString(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        if (s.length() <= 16) {
            return s;
        }
        for (int digits = 15; digits > 0; digits--) {
            String t = String.format(java.util.Locale.ROOT, "%." + digits + "G", d).replace("+", "");
            if (t.contains("E")) {
                t = t.replaceAll("0+E", "E").replace(".E", "E");
            } else if (t.contains(".")) {
                t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            if (t.length() <= 16) {
                return t;
            }
        }
        return s.substring(0, 16);
    }
}
