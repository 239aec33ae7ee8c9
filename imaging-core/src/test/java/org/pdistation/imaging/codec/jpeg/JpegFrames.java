package org.pdistation.imaging.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Fragments;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.testing.Peers;

/** Test helpers: JPEG frames out of an encapsulated file, dcmdjpeg's reference pixels, comparison metrics. */
final class JpegFrames {
    private JpegFrames() {
    }

    record Encapsulated(Dataset dataset, ImageDescriptor desc, List<byte[]> frames) {
    }

    /** PS3.5 A.4: fragments after the offset table; one frame per fragment, or split at fragments starting FFD8. */
    static Encapsulated read(Path file) throws IOException {
        Dataset ds = DicomReader.read(file, ReadOptions.IN_MEMORY).dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        Fragments f = ds.getFragments(Tag.PixelData);
        assertNotNull(f, "no encapsulated pixel data in " + file);
        List<byte[]> frags = new ArrayList<>();
        for (int i = 1; i < f.size(); i++) frags.add((byte[]) f.get(i));
        List<byte[]> frames = new ArrayList<>();
        if (desc.frames() == 1) {
            frames.add(concat(frags));
        } else if (frags.size() == desc.frames()) {
            frames.addAll(frags);
        } else {
            List<byte[]> current = new ArrayList<>();
            for (byte[] frag : frags) {
                boolean soi = frag.length >= 2 && (frag[0] & 0xFF) == 0xFF && (frag[1] & 0xFF) == 0xD8;
                if (soi && !current.isEmpty()) {
                    frames.add(concat(current));
                    current.clear();
                }
                current.add(frag);
            }
            if (!current.isEmpty()) frames.add(concat(current));
        }
        return new Encapsulated(ds, desc, frames);
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** Reference decoded by DCMTK: native pixel data bytes (little endian) and its photometric interpretation. */
    record Reference(byte[] pixels, String photometric, int bitsAllocated) {
    }

    static Reference dcmdjpeg(Path in, Path out) throws IOException {
        Path exe = Peers.require("dcmdjpeg");
        Peers.run(Duration.ofSeconds(120), exe.toString(), "+px", in.toString(), out.toString()).requireSuccess();
        Dataset ds = DicomReader.read(out, ReadOptions.IN_MEMORY).dataset();
        return new Reference(ds.getBytes(Tag.PixelData), ds.getString(Tag.PhotometricInterpretation).strip(),
                ds.getInt(Tag.BitsAllocated, 16));
    }

    /** Like {@link #dcmdjpeg} but null when DCMTK itself cannot read or decode the file. */
    static Reference dcmdjpegOrNull(Path in, Path out) throws IOException {
        Path exe = Peers.require("dcmdjpeg");
        if (Peers.run(Duration.ofSeconds(120), exe.toString(), "+px", in.toString(), out.toString()).exitCode() != 0) {
            return null;
        }
        return dcmdjpeg(in, out);
    }

    /** Sample {@code i} of frame {@code frame} of native little-endian pixel data. */
    static int refSample(Reference ref, int frameSamples, int frame, int i) {
        if (ref.bitsAllocated() <= 8) return ref.pixels()[frame * frameSamples + i] & 0xFF;
        int o = 2 * (frame * frameSamples + i);
        return (ref.pixels()[o] & 0xFF) | (ref.pixels()[o + 1] & 0xFF) << 8;
    }

    /** Sum of squared differences and max abs diff against the reference frame. */
    record Diff(double mse, int maxAbs, int firstMismatch) {
        double psnr(int bits) {
            double peak = (1 << bits) - 1;
            return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(peak * peak / mse);
        }
    }

    static Diff compare(FrameBuffer ours, Reference ref, int frame) {
        int n = ours.sampleCount();
        double sum = 0;
        int max = 0;
        int first = -1;
        for (int i = 0; i < n; i++) {
            int d = Math.abs(ours.sample(i) - refSample(ref, n, frame, i));
            if (d != 0 && first < 0) first = i;
            max = Math.max(max, d);
            sum += (double) d * d;
        }
        return new Diff(sum / n, max, first);
    }

    /**
     * Decodes every frame of {@code file} with {@link JpegDecoder} and compares with dcmdjpeg's output: exact when
     * {@code lossless}, else PSNR ≥ 45 dB; frames coded at another size than the image must be refused.
     */
    static void verifyAgainstDcmdjpeg(Path file, Path tmp, boolean lossless) throws Exception {
        Encapsulated enc = read(file);
        // DCMTK cannot parse a few corpus files (e.g. a bad item delimiter); those are only decoded, not compared.
        Reference ref = dcmdjpegOrNull(file, tmp.resolve("ref.dcm"));
        JpegDecoder decoder = new JpegDecoder();
        FrameBuffer buf = new FrameBuffer();
        assertEquals(enc.desc().frames(), enc.frames().size(), "frames found in " + file.getFileName());
        int decoded = 0;
        int rejected = 0;
        double worstPsnr = Double.POSITIVE_INFINITY;
        int worstMax = 0;
        for (int f = 0; f < enc.frames().size(); f++) {
            byte[] frame = enc.frames().get(f);
            Photometric pi;
            try {
                pi = decoder.decode(frame, 0, frame.length, enc.desc(), buf);
            } catch (CodecException e) {
                // Whole-slide edge tiles coded smaller than Rows x Columns are refused by design.
                assertTrue(e.getMessage().contains("but the image is"), file.getFileName() + " frame " + f + ": " + e);
                rejected++;
                continue;
            }
            decoded++;
            if (ref == null) continue;
            assertEquals(ref.photometric(), pi.term(), "output photometric of " + file.getFileName());
            Diff d = compare(buf, ref, f);
            if (lossless) {
                assertEquals(0, d.maxAbs(), file.getFileName() + " frame " + f + " differs first at sample " + d.firstMismatch());
            }
            worstPsnr = Math.min(worstPsnr, d.psnr(bitsOf(enc, buf)));
            worstMax = Math.max(worstMax, d.maxAbs());
        }
        System.out.printf("%s: %d frames decoded, %d refused (size mismatch), %s, PSNR %.1f dB, max abs diff %d%n",
                file.getFileName(), decoded, rejected, ref == null ? "no DCMTK reference" : "vs dcmdjpeg", worstPsnr, worstMax);
        assertTrue(decoded > rejected, file.getFileName() + ": most frames must decode");
        assertTrue(worstPsnr >= 45, file.getFileName() + " PSNR " + worstPsnr + " max diff " + worstMax);
    }

    private static int bitsOf(Encapsulated enc, FrameBuffer buf) {
        return buf.kind() == FrameBuffer.Kind.BYTE ? 8 : Math.max(enc.desc().bitsStored(), 12);
    }
}
