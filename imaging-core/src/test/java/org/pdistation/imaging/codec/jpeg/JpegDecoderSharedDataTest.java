package org.pdistation.imaging.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.testing.SharedData;

/**
 * Every JPEG (baseline, extended, lossless) file of the shared corpus, every frame, decoded by {@link JpegDecoder}
 * and compared with DCMTK's dcmdjpeg: lossless bit-exact, lossy PSNR ≥ 45 dB.
 */
class JpegDecoderSharedDataTest {
    private static final List<String> SYNTAXES = List.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70");

    static Stream<String> jpegFiles() throws IOException {
        Path root = SharedData.require().resolve("dicomdata");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("MANIFEST.tsv"))) {
            String[] cols = line.split("\t", -1);
            if (cols.length < 7 || cols[0].startsWith("broken/")) continue;
            String ts = cols[6].split(" ")[0];
            if (SYNTAXES.contains(ts)) out.add(cols[0]);
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("jpegFiles")
    void decodesLikeDcmdjpeg(String relative, @TempDir Path tmp) throws Exception {
        Path file = SharedData.requireDicomFile(relative);
        JpegFrames.Encapsulated enc = JpegFrames.read(file);
        // DCMTK cannot parse a few corpus files (e.g. a bad item delimiter); those are only decoded, not compared.
        JpegFrames.Reference ref = JpegFrames.dcmdjpegOrNull(file, tmp.resolve("ref.dcm"));
        String ts = org.pdistation.imaging.io.DicomReader.read(file,
                org.pdistation.imaging.io.ReadOptions.HEADER_ONLY).transferSyntax().uid();
        boolean lossless = ts.endsWith(".57") || ts.endsWith(".70");
        JpegDecoder decoder = new JpegDecoder();
        FrameBuffer buf = new FrameBuffer();
        assertEquals(enc.desc().frames(), enc.frames().size(), "frames found in " + relative);
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
                assertTrue(e.getMessage().contains("but the image is"), relative + " frame " + f + ": " + e);
                rejected++;
                continue;
            }
            decoded++;
            if (ref == null) continue;
            assertEquals(ref.photometric(), pi.term(), "output photometric of " + relative);
            JpegFrames.Diff d = JpegFrames.compare(buf, ref, f);
            if (lossless) {
                assertEquals(0, d.maxAbs(), relative + " frame " + f + " differs first at sample " + d.firstMismatch());
            }
            worstPsnr = Math.min(worstPsnr, d.psnr(bitsOf(enc, buf)));
            worstMax = Math.max(worstMax, d.maxAbs());
        }
        System.out.printf("%s: %d frames decoded, %d refused (size mismatch), %s, PSNR %.1f dB, max abs diff %d%n",
                relative, decoded, rejected, ref == null ? "no DCMTK reference" : "vs dcmdjpeg", worstPsnr, worstMax);
        assertTrue(decoded > rejected, relative + ": most frames must decode");
        assertTrue(worstPsnr >= 45, relative + " PSNR " + worstPsnr + " max diff " + worstMax);
    }

    private static int bitsOf(JpegFrames.Encapsulated enc, FrameBuffer buf) {
        return buf.kind() == FrameBuffer.Kind.BYTE ? 8 : Math.max(enc.desc().bitsStored(), 12);
    }
}
