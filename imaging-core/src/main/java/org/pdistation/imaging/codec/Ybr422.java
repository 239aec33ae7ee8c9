package org.pdistation.imaging.codec;

/**
 * Upsampling of native YBR_FULL_422 frames (PS3.3 C.7.6.3.1.2): each pair of horizontally adjacent pixels is
 * stored as Y1 Y2 Cb Cr, so a frame holds rows × columns × 2 bytes. The result has three samples per pixel
 * (Y, Cb, Cr), each pixel of a pair taking the pair's Cb and Cr.
 */
public final class Ybr422 {
    private Ybr422() {
    }

    /**
     * Expands the frame at {@code src[offset..]} into {@code dst} (BYTE container, 3 samples per pixel). Pairs run
     * through the frame's pixels in order; with an odd pixel count the last pixel is stored as Y Cb Cr.
     */
    public static void expand(byte[] src, int offset, ImageDescriptor desc, FrameBuffer dst) throws CodecException {
        if (desc.bitsAllocated() != 8) {
            throw new CodecException("YBR_FULL_422 with " + desc.bitsAllocated()
                    + " bits allocated is not supported; 8 expected");
        }
        long pixels = desc.pixels();
        long needed = pixels / 2 * 4 + (pixels % 2) * 3;
        if (src == null || offset < 0 || offset > src.length || src.length - offset < needed) {
            throw new CodecException("YBR_FULL_422 frame of " + desc.rows() + "x" + desc.columns() + " needs "
                    + needed + " bytes at offset " + offset + "; "
                    + (src == null ? 0 : Math.max(0, src.length - offset)) + " available");
        }
        dst.reset(desc.rows(), desc.columns(), 3, FrameBuffer.Kind.BYTE);
        byte[] out = dst.bytes();
        int n = (int) pixels;
        int p = offset;
        int o = 0;
        for (int i = 0; i + 1 < n; i += 2, p += 4, o += 6) {
            byte cb = src[p + 2];
            byte cr = src[p + 3];
            out[o] = src[p];
            out[o + 1] = cb;
            out[o + 2] = cr;
            out[o + 3] = src[p + 1];
            out[o + 4] = cb;
            out[o + 5] = cr;
        }
        if (n % 2 == 1) {
            out[o] = src[p];
            out[o + 1] = src[p + 1];
            out[o + 2] = src[p + 2];
        }
    }
}
