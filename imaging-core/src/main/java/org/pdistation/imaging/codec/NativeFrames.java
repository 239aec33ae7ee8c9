package org.pdistation.imaging.codec;

/**
 * Copies one native (uncompressed) frame into a {@link FrameBuffer} as pixel-interleaved bit patterns
 * (PS3.5 8.1.1, 8.2): byte order from the transfer syntax, colour-by-plane re-interleaved, 1-bit data unpacked.
 */
public final class NativeFrames {
    private NativeFrames() {
    }

    /**
     * @param src         bytes holding the frame
     * @param offset      where the frame starts in {@code src} (for 1-bit data: the byte holding its first bit)
     * @param bitShift    for 1-bit data only, the bit within that byte where the frame starts (0–7)
     * @param available   bytes available from {@code offset}; a shorter frame is an error, not a partial image
     * @param bigEndian   whether 16/32-bit samples are big endian (Explicit VR Big Endian with OW)
     */
    public static void read(byte[] src, int offset, int bitShift, long available, ImageDescriptor desc,
                            boolean bigEndian, FrameBuffer dst) throws CodecException {
        long needed = desc.bitsAllocated() == 1
                ? (desc.samples() + bitShift + 7) / 8 : desc.nativeFrameLength();
        if (available < needed) {
            throw new CodecException("pixel data too short: frame needs " + needed + " bytes, " + Math.max(0, available)
                    + " present");
        }
        if (desc.bitsAllocated() != 1 && desc.bitsAllocated() % 8 != 0) {
            throw new CodecException("Bits Allocated " + desc.bitsAllocated() + " is not a whole number of bytes");
        }
        dst.reset(desc);
        int spp = desc.samplesPerPixel();
        int pixels = (int) desc.pixels();
        boolean planar = desc.planarConfiguration() == 1 && spp > 1;
        switch (dst.kind()) {
            case BYTE -> {
                if (desc.bitsAllocated() == 1) {
                    unpackBits(src, offset, bitShift, (int) desc.samples(), dst.bytes());
                } else if (planar) {
                    byte[] out = dst.bytes();
                    for (int s = 0; s < spp; s++) {
                        int in = offset + s * pixels;
                        for (int p = 0, o = s; p < pixels; p++, o += spp) out[o] = src[in + p];
                    }
                } else {
                    System.arraycopy(src, offset, dst.bytes(), 0, pixels * spp);
                }
            }
            case SHORT -> {
                short[] out = dst.shorts();
                int n = pixels * spp;
                if (planar) {
                    for (int s = 0; s < spp; s++) {
                        int in = offset + 2 * s * pixels;
                        for (int p = 0, o = s; p < pixels; p++, o += spp, in += 2) out[o] = short16(src, in, bigEndian);
                    }
                } else if (bigEndian) {
                    for (int i = 0, in = offset; i < n; i++, in += 2) out[i] = (short) ((src[in] << 8) | (src[in + 1] & 0xFF));
                } else {
                    for (int i = 0, in = offset; i < n; i++, in += 2) out[i] = (short) ((src[in] & 0xFF) | (src[in + 1] << 8));
                }
            }
            case INT -> {
                int[] out = dst.ints();
                for (int s = 0; s < (planar ? spp : 1); s++) {
                    int count = planar ? pixels : pixels * spp;
                    int step = planar ? spp : 1;
                    int in = offset + (planar ? 4 * s * pixels : 0);
                    for (int p = 0, o = planar ? s : 0; p < count; p++, o += step, in += 4) out[o] = int32(src, in, bigEndian);
                }
            }
        }
    }

    private static short short16(byte[] b, int i, boolean bigEndian) {
        return bigEndian ? (short) ((b[i] << 8) | (b[i + 1] & 0xFF)) : (short) ((b[i] & 0xFF) | (b[i + 1] << 8));
    }

    private static int int32(byte[] b, int i, boolean bigEndian) {
        return bigEndian
                ? (b[i] << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF)
                : (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((b[i + 2] & 0xFF) << 16) | (b[i + 3] << 24);
    }

    /** PS3.5 D.2: 1-bit samples fill each byte from its least significant bit. */
    private static void unpackBits(byte[] src, int offset, int bitShift, int count, byte[] out) {
        for (int i = 0; i < count; i++) {
            int bit = bitShift + i;
            out[i] = (byte) ((src[offset + (bit >>> 3)] >>> (bit & 7)) & 1);
        }
    }
}
