package org.pdistation.imaging.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;

/**
 * Single-thread decode speed for a 512×512 16-bit synthetic CT slice: JPEG lossless SV1 (our encoder and DCMTK's)
 * and extended 12-bit (DCMTK). Prints MP/s for the performance report; asserts only a floor far below the target
 * so that a loaded CI machine does not fail it.
 */
@Tag("benchmark")
class JpegDecoderBenchmarkTest {
    @Test
    void printsDecodeSpeed(@TempDir Path tmp) throws Exception {
        Path ct = new SyntheticCtStudy(512, 10, 7).write(tmp.resolve("ct"), 1).getFirst();
        Dataset ds = DicomReader.read(ct, ReadOptions.IN_MEMORY).dataset();
        ImageDescriptor desc = ImageDescriptor.of(ds);
        FrameBuffer src = JpegLosslessEncoderTest.fromLittleEndian(ds.getBytes(org.pdistation.imaging.data.Tag.PixelData), desc);
        byte[] ours = new JpegLosslessEncoder().encode(src, desc);
        report("lossless SV1 (our encoder)", ours, desc);

        String dcmcjpeg = Peers.require("dcmcjpeg").toString();
        for (List<String> opts : List.of(List.of("+e1"), List.of("+ee"))) {
            Path out = tmp.resolve("c" + opts.getFirst().substring(1) + ".dcm");
            Peers.run(Duration.ofSeconds(60), dcmcjpeg, opts.getFirst(), ct.toString(), out.toString())
                    .requireSuccess();
            JpegFrames.Encapsulated enc = JpegFrames.read(out);
            byte[] frame = enc.frames().getFirst();
            report((opts.getFirst().equals("+e1") ? "lossless SV1" : "extended 12-bit") + " (dcmcjpeg)", frame,
                    enc.desc());
        }
    }

    private static void report(String what, byte[] frame, ImageDescriptor desc) throws Exception {
        JpegDecoder dec = new JpegDecoder();
        FrameBuffer buf = new FrameBuffer();
        long until = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < until) dec.decode(frame, 0, frame.length, desc, buf);
        // Thread CPU time, not wall time: the figure should not depend on how busy the rest of the machine is.
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        int n = 0;
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        while (System.nanoTime() - t0 < 2_000_000_000L) {
            dec.decode(frame, 0, frame.length, desc, buf);
            n++;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double seconds = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        double mps = n * desc.pixels() / seconds / 1e6;
        System.out.printf("JPEG decode %s, %dx%d, %d bytes: %.1f MP/s on CPU time (%.2f ms/frame; wall %.1f MP/s)%n",
                what, desc.columns(), desc.rows(), frame.length, mps, seconds * 1000 / n,
                n * desc.pixels() / wall / 1e6);
        assertTrue(mps > 5, what + " decodes at only " + mps + " MP/s");
    }
}
