package org.pdistation.imaging.codec;

/** The inverse of {@link NativeFrames}: a frame's samples as native little-endian bytes, colour-by-pixel. */
public final class NativeEncoding {
    private NativeEncoding() {
    }

    /** Native bytes of the frame (PS3.5 8.1.1); 1-bit data packed from the least significant bit (PS3.5 D.2). */
    public static byte[] toLittleEndian(FrameBuffer src, ImageDescriptor desc) throws CodecException {
        int n = src.sampleCount();
        if (desc.bitsAllocated() == 1) {
            byte[] out = new byte[(n + 7) / 8];
            byte[] in = src.bytes();
            for (int i = 0; i < n; i++) if ((in[i] & 1) != 0) out[i >>> 3] |= (byte) (1 << (i & 7));
            return out;
        }
        return switch (src.kind()) {
            case BYTE -> java.util.Arrays.copyOf(src.bytes(), n);
            case SHORT -> {
                byte[] out = new byte[2 * n];
                short[] in = src.shorts();
                for (int i = 0, o = 0; i < n; i++, o += 2) {
                    out[o] = (byte) in[i];
                    out[o + 1] = (byte) (in[i] >> 8);
                }
                yield out;
            }
            case INT -> {
                byte[] out = new byte[4 * n];
                int[] in = src.ints();
                for (int i = 0, o = 0; i < n; i++, o += 4) {
                    out[o] = (byte) in[i];
                    out[o + 1] = (byte) (in[i] >> 8);
                    out[o + 2] = (byte) (in[i] >> 16);
                    out[o + 3] = (byte) (in[i] >> 24);
                }
                yield out;
            }
        };
    }
}
