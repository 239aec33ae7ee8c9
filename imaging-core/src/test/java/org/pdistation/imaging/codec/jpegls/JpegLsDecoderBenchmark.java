package org.pdistation.imaging.codec.jpegls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.SharedData;

/**
 * Decode throughput of a 512×512 16-bit lossless CT frame (synthetic, compressed by dcmcjpls). Prints MP/s and
 * asserts nothing about time: run it with {@code -Dtest=JpegLsDecoderBenchmark} to report the figure.
 */
class JpegLsDecoderBenchmark {
    @TempDir
    Path work;

    @Test
    void printsDecodeThroughputOf512x512LosslessCt() throws Exception {
        List<Path> files = new SyntheticCtStudy(512, 10, 7).write(work, 1);
        Path encoded = JpegLsFixtures.dcmcjpls(files.get(0), work.resolve("ct-jls.dcm"), "+el");
        report("synthetic CT 512x512 16-bit lossless", JpegLsFixtures.read(encoded));
    }

    @Test
    void printsDecodeThroughputOfRealLosslessCt() throws Exception {
        report("real CT 512x512 16-bit lossless (CT1_UNC)", JpegLsFixtures.read(
                SharedData.requireDicomFile("single/dicomparser/CT1_UNC.fragmented_bot_jpeg_ls.80.dcm")));
    }

    private static void report(String what, JpegLsFixtures.Encoded enc) throws Exception {
        byte[] stream = enc.frames().get(0);
        ImageDescriptor desc = enc.desc();
        JpegLsDecoder decoder = new JpegLsDecoder();
        FrameBuffer buffer = new FrameBuffer();
        for (int i = 0; i < 300; i++) decoder.decode(stream, 0, stream.length, desc, buffer); // JIT warm-up
        int rounds = 200;
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            decoder.decode(stream, 0, stream.length, desc, buffer);
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        double pixels = desc.pixels();
        System.out.printf("JPEG-LS decode, %s: %d bytes (%.2f bits/pixel), median %.1f MP/s, best %.1f MP/s%n",
                what, stream.length, stream.length * 8 / pixels, pixels / (times[rounds / 2] / 1e3),
                pixels / (times[0] / 1e3));
        assertEquals(desc.samples(), buffer.sampleCount());
        assertEquals(FrameBuffer.Kind.SHORT, buffer.kind());
    }
}
