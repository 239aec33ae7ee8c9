package org.pdistation.imaging.codec.opencv;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.FrameDecoder;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;

/**
 * JPEG 2000 (1.2.840.10008.1.2.4.90 lossless, …4.91) and HTJ2K (…4.201, …4.202, …4.203), decoded by the OpenJPEG
 * inside OpenCV's imgcodecs. Raw codestreams and JP2-wrapped ones (whose wrapper is stripped first) are accepted.
 *
 * <p>OpenCV refuses signed components, so for Pixel Representation 1 the SIZ Ssiz sign bits are cleared in the
 * copy handed to OpenCV: OpenJPEG then adds the unsigned DC level shift 2^(P−1) (T.800 G.1.2) that the signed
 * decoding would not, and flipping bit P−1 of each result gives back the two's complement bit pattern exactly.
 * OpenCV returns colour as BGR; samples are put back in component order. When the codestream's COD says a
 * multiple component transform was used, OpenJPEG has already inverted it (T.800 G.2/G.3), so the result is RGB.
 */
public final class OpenCvJpeg2000Decoder implements FrameDecoder {
    private final byte[] one = new byte[1];
    private final byte[] boxes = new byte[Jp2Box.PREFIX];

    @Override
    public Photometric decode(byte[] src, int offset, int length, ImageDescriptor desc, FrameBuffer dst)
            throws CodecException {
        if (offset < 0 || length < 0 || offset > src.length - length) {
            throw new CodecException("frame range " + offset + "+" + length + " outside the " + src.length + "-byte source");
        }
        J2kHeader h = J2kHeader.parse(src, offset, length);
        check(h, desc);
        OpenCvLoader.require();
        FrameBuffer.Kind kind = FrameBuffer.Kind.forBitsAllocated(desc.bitsAllocated());
        Mat encoded = null;
        Mat decoded = null;
        try {
            // HTJ2K codestreams go bare: the JP2 boxes are for T.800 part 1 codestreams.
            int at = h.highThroughput() || h.codestreamLength() > Integer.MAX_VALUE - Jp2Box.PREFIX ? 0 : Jp2Box.PREFIX;
            encoded = new Mat(1, at + h.codestreamLength(), CvType.CV_8UC1);
            if (at > 0) {
                Jp2Box.prefix(h, h.codestreamLength(), boxes);
                encoded.put(0, 0, boxes);
            }
            encoded.put(0, at, src, h.codestreamOffset(), h.codestreamLength());
            if (h.signed()) clearSignBits(encoded, h, at);
            decoded = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_UNCHANGED);
            if (decoded == null || decoded.empty()) {
                throw new CodecException("OpenJPEG could not decode the " + (h.highThroughput() ? "HTJ2K" : "JPEG 2000")
                        + " codestream (" + h.codestreamLength() + " bytes; OpenCV logs the reason on stderr)");
            }
            int depth = CvType.depth(decoded.type());
            if (decoded.rows() != desc.rows() || decoded.cols() != desc.columns()
                    || decoded.channels() != desc.samplesPerPixel()) {
                throw new CodecException("decoded JPEG 2000 frame is " + decoded.cols() + "x" + decoded.rows() + "x"
                        + decoded.channels() + " but the image is " + desc.columns() + "x" + desc.rows() + "x"
                        + desc.samplesPerPixel());
            }
            dst.reset(desc);
            copy(decoded, depth, kind, dst);
        } catch (CodecException e) {
            throw e;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // CvException from OpenCV's C++ side, or anything else the binding throws
            throw new CodecException("JPEG 2000 decoding failed: " + e, e);
        } finally {
            if (decoded != null) decoded.release();
            if (encoded != null) encoded.release();
        }
        int n = dst.sampleCount();
        if (desc.samplesPerPixel() == 3) swapFirstAndThird(dst, n);
        if (h.signed()) flipSignBit(dst, n, h.precision());
        if (desc.samplesPerPixel() == 3 && h.multipleComponentTransform()) return Photometric.RGB;
        return desc.photometric();
    }

    private static void check(J2kHeader h, ImageDescriptor desc) throws CodecException {
        if (h.width() != desc.columns() || h.height() != desc.rows() || h.components() != desc.samplesPerPixel()) {
            throw new CodecException("JPEG 2000 SIZ says " + h.width() + "x" + h.height() + "x" + h.components()
                    + " but the image is " + desc.columns() + "x" + desc.rows() + "x" + desc.samplesPerPixel());
        }
        if (desc.samplesPerPixel() != 1 && desc.samplesPerPixel() != 3) {
            throw new CodecException("JPEG 2000 with " + desc.samplesPerPixel() + " components is not supported");
        }
        if (h.precision() > 16 || h.precision() > Math.max(desc.bitsAllocated(), 8)) {
            throw new CodecException("JPEG 2000 precision " + h.precision() + " bits does not fit Bits Allocated "
                    + desc.bitsAllocated() + (h.precision() > 16 ? " (OpenCV decodes at most 16)" : ""));
        }
    }

    private void clearSignBits(Mat encoded, J2kHeader h, int at) {
        int base = at + h.ssizOffset() - h.codestreamOffset();
        for (int c = 0; c < h.components(); c++) {
            encoded.get(0, base + 3 * c, one);
            one[0] &= 0x7F;
            encoded.put(0, base + 3 * c, one);
        }
    }

    private static void copy(Mat m, int depth, FrameBuffer.Kind kind, FrameBuffer dst) throws CodecException {
        // A one-channel view: Mat.get insists that the array length be a multiple of the channel count, which the
        // grow-only FrameBuffer arrays need not be. get() copies min(array, Mat) elements.
        Mat flat = m.reshape(1);
        Mat wide = null;
        try {
            if (depth == CvType.CV_8U && kind == FrameBuffer.Kind.BYTE) {
                flat.get(0, 0, dst.bytes());
            } else if ((depth == CvType.CV_16U || depth == CvType.CV_16S) && kind == FrameBuffer.Kind.SHORT) {
                flat.get(0, 0, dst.shorts());
            } else if (depth == CvType.CV_8U && kind == FrameBuffer.Kind.SHORT) {
                wide = new Mat(); // a ≤ 8-bit codestream in a 16-bit container
                flat.convertTo(wide, CvType.CV_16U);
                wide.get(0, 0, dst.shorts());
            } else {
                throw new CodecException("OpenCV decoded JPEG 2000 to " + CvType.typeToString(m.type())
                        + ", which does not fit a " + kind + " frame");
            }
        } finally {
            if (wide != null) wide.release();
            flat.release();
        }
    }

    private static void swapFirstAndThird(FrameBuffer dst, int n) {
        if (dst.kind() == FrameBuffer.Kind.BYTE) {
            byte[] a = dst.bytes();
            for (int i = 0; i + 2 < n; i += 3) { byte t = a[i]; a[i] = a[i + 2]; a[i + 2] = t; }
        } else {
            short[] a = dst.shorts();
            for (int i = 0; i + 2 < n; i += 3) { short t = a[i]; a[i] = a[i + 2]; a[i + 2] = t; }
        }
    }

    private static void flipSignBit(FrameBuffer dst, int n, int precision) {
        int bit = 1 << (precision - 1);
        if (dst.kind() == FrameBuffer.Kind.BYTE) {
            byte[] a = dst.bytes();
            for (int i = 0; i < n; i++) a[i] ^= (byte) bit;
        } else {
            short[] a = dst.shorts();
            for (int i = 0; i < n; i++) a[i] ^= (short) bit;
        }
    }
}
