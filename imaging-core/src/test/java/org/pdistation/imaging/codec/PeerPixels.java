package org.pdistation.imaging.codec;

import java.io.IOException;
import java.nio.file.Path;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;

/**
 * Test helper: the native (uncompressed, little endian) output of a peer decoder, as stored values per frame in
 * pixel-interleaved order, plus comparison statistics against a {@link FrameBuffer}.
 */
public record PeerPixels(ImageDescriptor desc, byte[] pixelData) {

    public static PeerPixels read(Path file) throws IOException {
        DicomFile df = DicomReader.read(file, ReadOptions.IN_MEMORY);
        Dataset ds = df.dataset();
        byte[] px = ds.getBytes(Tag.PixelData);
        if (px == null) throw new IOException("no native Pixel Data in " + file);
        return new PeerPixels(ImageDescriptor.of(ds), px);
    }

    /** Stored value of sample {@code i} (pixel-interleaved index) of {@code frame}, masked to Bits Stored. */
    public int sample(int frame, int i) {
        int spp = desc.samplesPerPixel();
        long pixels = desc.pixels();
        long index = i;
        if (desc.planarConfiguration() == 1 && spp > 1) index = (i % spp) * pixels + i / spp;
        long base = frame * desc.nativeFrameLength();
        int mask = desc.bitsStored() >= 32 ? -1 : (1 << desc.bitsStored()) - 1;
        if (desc.containerBytes() == 1) return pixelData[(int) (base + index)] & 0xFF & mask;
        int p = (int) (base + 2 * index);
        return (((pixelData[p] & 0xFF) | ((pixelData[p + 1] & 0xFF) << 8)) >>> desc.storedShift()) & mask;
    }

    /** Max absolute difference and PSNR (dB, peak 2^bits − 1) of {@code ours} (bit patterns) against frame {@code frame}. */
    public Diff compare(int frame, FrameBuffer ours, int bitsStored) {
        int mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
        int n = ours.sampleCount();
        long max = 0;
        double se = 0;
        for (int i = 0; i < n; i++) {
            long d = Math.abs((long) (ours.sample(i) & mask) - (sample(frame, i) & mask));
            max = Math.max(max, d);
            se += (double) d * d;
        }
        double mse = se / Math.max(1, n);
        double peak = mask;
        double psnr = mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(peak * peak / mse);
        return new Diff(max, psnr);
    }

    public record Diff(long maxAbs, double psnr) {
        @Override
        public String toString() {
            return "max diff " + maxAbs + ", PSNR " + (Double.isInfinite(psnr) ? "inf" : String.format("%.1f dB", psnr));
        }
    }
}
