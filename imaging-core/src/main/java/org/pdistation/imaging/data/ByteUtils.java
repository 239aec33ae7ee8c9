package org.pdistation.imaging.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Reading and writing little- and big-endian numbers in byte arrays, without allocation. */
public final class ByteUtils {
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private ByteUtils() {}

    public static int u16(byte[] b, int off, boolean be) {
        return (short) (be ? SHORT_BE.get(b, off) : SHORT_LE.get(b, off)) & 0xFFFF;
    }

    public static int s16(byte[] b, int off, boolean be) {
        return be ? (short) SHORT_BE.get(b, off) : (short) SHORT_LE.get(b, off);
    }

    public static int s32(byte[] b, int off, boolean be) {
        return be ? (int) INT_BE.get(b, off) : (int) INT_LE.get(b, off);
    }

    public static long u32(byte[] b, int off, boolean be) {
        return s32(b, off, be) & 0xFFFFFFFFL;
    }

    public static long s64(byte[] b, int off, boolean be) {
        return be ? (long) LONG_BE.get(b, off) : (long) LONG_LE.get(b, off);
    }

    /** An AT value: group then element, each a 16-bit word in the stream's byte order (PS3.5 6.2). */
    public static int tag(byte[] b, int off, boolean be) {
        return (u16(b, off, be) << 16) | u16(b, off + 2, be);
    }

    public static void put16(byte[] b, int off, int v, boolean be) {
        if (be) {
            SHORT_BE.set(b, off, (short) v);
        } else {
            SHORT_LE.set(b, off, (short) v);
        }
    }

    public static void put32(byte[] b, int off, int v, boolean be) {
        if (be) {
            INT_BE.set(b, off, v);
        } else {
            INT_LE.set(b, off, v);
        }
    }

    public static void put64(byte[] b, int off, long v, boolean be) {
        if (be) {
            LONG_BE.set(b, off, v);
        } else {
            LONG_LE.set(b, off, v);
        }
    }

    public static void putTag(byte[] b, int off, int tag, boolean be) {
        put16(b, off, tag >>> 16, be);
        put16(b, off + 2, tag, be);
    }

    /** Reverses each {@code width}-byte word in place (width 2, 4 or 8); trailing odd bytes are left alone. */
    public static void swap(byte[] b, int off, int len, int width) {
        if (width <= 1) {
            return;
        }
        int end = off + len - len % width;
        for (int i = off; i < end; i += width) {
            for (int lo = i, hi = i + width - 1; lo < hi; lo++, hi--) {
                byte t = b[lo];
                b[lo] = b[hi];
                b[hi] = t;
            }
        }
    }

    /** Byte-swap width for values of {@code vr} (AT swaps its two 16-bit halves separately). */
    public static int swapWidth(VR vr) {
        return switch (vr) {
            case AT, OW, US, SS -> 2;
            case OF, OL, UL, SL, FL -> 4;
            case OD, OV, FD, SV, UV -> 8;
            default -> 1;
        };
    }
}
