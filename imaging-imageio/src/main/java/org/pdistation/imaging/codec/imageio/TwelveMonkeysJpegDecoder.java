package org.pdistation.imaging.codec.imageio;

import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.FrameDecoder;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;

/**
 * JPEG Baseline (1.2.840.10008.1.2.4.50) and JPEG Lossless process 14 (…4.57, first-order prediction …4.70),
 * decoded by TwelveMonkeys' ImageIO JPEG reader. TwelveMonkeys hands baseline streams to the JDK's libjpeg-based
 * reader and decodes lossless (ITU-T T.81 H.1, selection values 1–7, 2–16 bits) itself.
 *
 * <p>Samples come from {@code readRaster}, which applies no colour conversion; YCbCr is converted here, following
 * DCMTK dcmdjpeg's default: only when the DICOM Photometric Interpretation says YBR_FULL / YBR_FULL_422 /
 * YBR_PARTIAL_* (PS3.5 8.2.1: the JPEG stream then holds JFIF YCbCr), in which case the result is RGB.
 */
public final class TwelveMonkeysJpegDecoder implements FrameDecoder {
    private static final String TWELVEMONKEYS_READER = "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader";

    private final ImageReader reader;
    private final ArrayImageInputStream input = new ArrayImageInputStream();

    /** @throws IllegalStateException when the TwelveMonkeys JPEG plugin is not on the class path */
    public TwelveMonkeysJpegDecoder() {
        this.reader = findReader();
    }

    private static ImageReader findReader() {
        // Not whatever ImageIO lists first: the JDK's own reader cannot decode lossless JPEG.
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext(); ) {
            ImageReader r = it.next();
            if (r.getClass().getName().equals(TWELVEMONKEYS_READER)) return r;
            r.dispose();
        }
        throw new IllegalStateException("TwelveMonkeys imageio-jpeg (" + TWELVEMONKEYS_READER + ") is not registered");
    }

    @Override
    public Photometric decode(byte[] src, int offset, int length, ImageDescriptor desc, FrameBuffer dst)
            throws CodecException {
        if (offset < 0 || length < 0 || offset > src.length - length) {
            throw new CodecException("frame range " + offset + "+" + length + " outside the " + src.length + "-byte source");
        }
        FrameBuffer.Kind kind = FrameBuffer.Kind.forBitsAllocated(desc.bitsAllocated());
        if (kind == FrameBuffer.Kind.INT) {
            throw new CodecException("JPEG holds at most 16 bits per sample, but Bits Allocated is " + desc.bitsAllocated());
        }
        LosslessPredictorCheck.check(src, offset, length);
        Raster raster = read(src, offset, length, desc);
        checkGeometry(raster, desc);
        dst.reset(desc);
        copy(raster, dst, desc);
        if (desc.samplesPerPixel() == 3 && kind == FrameBuffer.Kind.BYTE && isJpegYcbcr(desc.photometric())) {
            YcbcrToRgb.convert(dst.bytes(), dst.sampleCount());
            return Photometric.RGB;
        }
        return desc.photometric();
    }

    private Raster read(byte[] src, int offset, int length, ImageDescriptor desc) throws CodecException {
        input.wrap(src, offset, length);
        boolean ok = false;
        try {
            reader.setInput(input, true, true);
            // The header alone says how big the raster will be: refuse before the library allocates it, so a
            // corrupt SOF cannot make it allocate gigabytes.
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w != desc.columns() || h != desc.rows()) {
                throw new CodecException("JPEG frame header says " + w + "x" + h + " but the image is "
                        + desc.columns() + "x" + desc.rows());
            }
            Raster r = reader.readRaster(0, null);
            ok = true;
            return r;
        } catch (CodecException e) {
            throw e;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Exception | Error e) {
            // IIOException, EOFException, and the runtime exceptions/errors the library throws on corrupt data
            throw new CodecException("JPEG decoding failed: " + describe(e), e);
        } finally {
            if (!ok) reader.reset();
            else reader.setInput(null);
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
    }

    private static void checkGeometry(Raster r, ImageDescriptor desc) throws CodecException {
        if (r.getWidth() != desc.columns() || r.getHeight() != desc.rows() || r.getNumBands() != desc.samplesPerPixel()) {
            throw new CodecException("decoded JPEG frame is " + r.getWidth() + "x" + r.getHeight() + "x" + r.getNumBands()
                    + " but the image is " + desc.columns() + "x" + desc.rows() + "x" + desc.samplesPerPixel());
        }
        int type = r.getDataBuffer().getDataType();
        if (type == DataBuffer.TYPE_USHORT && desc.bitsAllocated() <= 8) {
            throw new CodecException("JPEG frame has more than 8 bits per sample but Bits Allocated is " + desc.bitsAllocated());
        }
        if (type != DataBuffer.TYPE_BYTE && type != DataBuffer.TYPE_USHORT) {
            throw new CodecException("unexpected raster data type " + type + " from the JPEG reader");
        }
    }

    /** Copies the raster pixel-interleaved into {@code dst}, by array copy when the layout already matches. */
    private static void copy(Raster r, FrameBuffer dst, ImageDescriptor desc) {
        int w = r.getWidth();
        int h = r.getHeight();
        int bands = r.getNumBands();
        int n = w * h * bands;
        DataBuffer db = r.getDataBuffer();
        if (isPlainInterleaved(r) && db.getNumBanks() == 1) {
            int start = db.getOffset() + ((PixelInterleavedSampleModel) r.getSampleModel())
                    .getOffset(-r.getSampleModelTranslateX(), -r.getSampleModelTranslateY());
            if (db instanceof DataBufferByte b && dst.kind() == FrameBuffer.Kind.BYTE) {
                System.arraycopy(b.getData(), start, dst.bytes(), 0, n);
                return;
            }
            if (db instanceof DataBufferUShort s && dst.kind() == FrameBuffer.Kind.SHORT) {
                System.arraycopy(s.getData(), start, dst.shorts(), 0, n);
                return;
            }
            if (db instanceof DataBufferByte b && dst.kind() == FrameBuffer.Kind.SHORT) {
                byte[] in = b.getData();
                short[] out = dst.shorts();
                for (int i = 0; i < n; i++) out[i] = (short) (in[start + i] & 0xFF);
                return;
            }
        }
        // Any other layout: sample by sample (slow, but no reader we use produces it).
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < bands; b++, i++) {
                    int v = r.getSample(r.getMinX() + x, r.getMinY() + y, b);
                    if (dst.kind() == FrameBuffer.Kind.BYTE) dst.bytes()[i] = (byte) v;
                    else dst.shorts()[i] = (short) v;
                }
            }
        }
    }

    private static boolean isPlainInterleaved(Raster r) {
        if (!(r.getSampleModel() instanceof PixelInterleavedSampleModel sm)) return false;
        int bands = r.getNumBands();
        if (sm.getPixelStride() != bands || sm.getScanlineStride() != r.getWidth() * bands) return false;
        int[] offs = sm.getBandOffsets();
        for (int b = 0; b < bands; b++) if (offs[b] != b) return false;
        return true;
    }

    /** PS3.5 8.2.1: these photometric interpretations mean the JPEG components are JFIF YCbCr. */
    static boolean isJpegYcbcr(Photometric p) {
        return p == Photometric.YBR_FULL || p == Photometric.YBR_FULL_422
                || p == Photometric.YBR_PARTIAL_422 || p == Photometric.YBR_PARTIAL_420;
    }
}
