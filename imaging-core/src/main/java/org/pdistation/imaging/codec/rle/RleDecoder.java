package org.pdistation.imaging.codec.rle;

import java.util.Arrays;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.FrameDecoder;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;

/**
 * RLE Lossless (1.2.840.10008.1.2.5, PS3.5 Annex G) frame decoder.
 *
 * <p>Each RLE Segment is one byte plane of one sample: for a sample of {@code k} bytes, segments
 * {@code s*k .. s*k+k-1} hold sample {@code s}'s bytes, most significant first (G.2). Every segment is PackBits
 * decoded (G.3.2) straight into its place in the pixel-interleaved output, stepping by the samples per pixel, so
 * no plane is ever materialised separately.
 *
 * <p>Like DCMTK, a segment that decodes to fewer bytes than a plane leaves the rest of the plane zero, and one that
 * would decode to more stops at the end of the plane; offsets outside the frame or going backwards are errors.
 */
public final class RleDecoder implements FrameDecoder {

    @Override
    public Photometric decode(byte[] src, int offset, int length, ImageDescriptor desc, FrameBuffer dst)
            throws CodecException {
        if (src == null || offset < 0 || length < 0 || (long) offset + length > src.length) {
            throw new CodecException("RLE frame range " + offset + "+" + length + " is outside the source array");
        }
        if (desc.bitsAllocated() == 1) {
            throw new CodecException("RLE of 1-bit data (Bits Allocated 1) is not supported");
        }
        int bytesPerSample = desc.containerBytes();
        int spp = desc.samplesPerPixel();
        int expected = spp * bytesPerSample;
        if (expected > RleHeader.MAX_SEGMENTS) {
            throw new CodecException("RLE cannot hold " + spp + " samples of " + bytesPerSample
                    + " bytes: that needs " + expected + " segments, more than 15 (PS3.5 G.5)");
        }
        RleHeader header = RleHeader.read(src, offset, length);
        if (header.count() != expected) {
            throw new CodecException("RLE Header gives " + header.count() + " segments but " + spp + " sample(s) of "
                    + desc.bitsAllocated() + " bits allocated need " + expected + " (PS3.5 G.2)");
        }
        dst.reset(desc);
        int pixels = dst.rows() * dst.columns();
        int samples = dst.sampleCount();
        switch (dst.kind()) {
            case BYTE -> {
                for (int s = 0; s < spp; s++) {
                    decodeBytePlane(src, offset + header.starts()[s], offset + header.ends()[s], dst.bytes(), s, spp,
                            pixels);
                }
            }
            case SHORT -> {
                short[] out = dst.shorts();
                Arrays.fill(out, 0, samples, (short) 0);
                for (int seg = 0; seg < expected; seg++) {
                    int shift = 8 * (bytesPerSample - 1 - seg % bytesPerSample);
                    orShortPlane(src, offset + header.starts()[seg], offset + header.ends()[seg], out,
                            seg / bytesPerSample, spp, pixels, shift);
                }
            }
            case INT -> {
                int[] out = dst.ints();
                Arrays.fill(out, 0, samples, 0);
                for (int seg = 0; seg < expected; seg++) {
                    int shift = 8 * (bytesPerSample - 1 - seg % bytesPerSample);
                    orIntPlane(src, offset + header.starts()[seg], offset + header.ends()[seg], out,
                            seg / bytesPerSample, spp, pixels, shift);
                }
            }
        }
        return desc.photometric();
    }

    /**
     * PackBits (G.3.2) from {@code src[p, end)} into {@code dst[start + k*stride]} for k < n; a short segment leaves
     * the rest zero, a long one is cut at the plane end, a run cut by the segment end keeps what is there.
     */
    static void decodeBytePlane(byte[] src, int p, int end, byte[] dst, int start, int stride, int n) {
        int i = start;
        int limit = start + n * stride;
        while (i < limit && p < end) {
            int c = src[p++];
            if (c >= 0) {
                int count = Math.min(Math.min(c + 1, end - p), (limit - i) / stride);
                if (stride == 1) {
                    System.arraycopy(src, p, dst, i, count);
                    i += count;
                } else {
                    for (int k = 0; k < count; k++, i += stride) dst[i] = src[p + k];
                }
                p += c + 1;
            } else if (c != -128) {
                if (p >= end) break;
                byte v = src[p++];
                int count = Math.min(1 - c, (limit - i) / stride);
                if (stride == 1) {
                    Arrays.fill(dst, i, i + count, v);
                    i += count;
                } else {
                    for (int k = 0; k < count; k++, i += stride) dst[i] = v;
                }
            }
        }
        for (; i < limit; i += stride) dst[i] = 0;
    }

    /** As {@link #decodeBytePlane} for one byte of 16-bit samples: ORs each byte, shifted, into a zeroed array. */
    static void orShortPlane(byte[] src, int p, int end, short[] dst, int start, int stride, int n, int shift) {
        int i = start;
        int limit = start + n * stride;
        while (i < limit && p < end) {
            int c = src[p++];
            if (c >= 0) {
                int count = Math.min(Math.min(c + 1, end - p), (limit - i) / stride);
                for (int k = 0; k < count; k++, i += stride) dst[i] |= (short) ((src[p + k] & 0xFF) << shift);
                p += c + 1;
            } else if (c != -128) {
                if (p >= end) break;
                short v = (short) ((src[p++] & 0xFF) << shift);
                int count = Math.min(1 - c, (limit - i) / stride);
                if (v != 0) {
                    for (int k = 0; k < count; k++, i += stride) dst[i] |= v;
                } else {
                    i += count * stride;
                }
            }
        }
    }

    /** As {@link #orShortPlane} for 32-bit samples. */
    static void orIntPlane(byte[] src, int p, int end, int[] dst, int start, int stride, int n, int shift) {
        int i = start;
        int limit = start + n * stride;
        while (i < limit && p < end) {
            int c = src[p++];
            if (c >= 0) {
                int count = Math.min(Math.min(c + 1, end - p), (limit - i) / stride);
                for (int k = 0; k < count; k++, i += stride) dst[i] |= (src[p + k] & 0xFF) << shift;
                p += c + 1;
            } else if (c != -128) {
                if (p >= end) break;
                int v = (src[p++] & 0xFF) << shift;
                int count = Math.min(1 - c, (limit - i) / stride);
                if (v != 0) {
                    for (int k = 0; k < count; k++, i += stride) dst[i] |= v;
                } else {
                    i += count * stride;
                }
            }
        }
    }
}
