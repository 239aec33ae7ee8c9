package org.pdistation.imaging.render.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageFrames;
import org.pdistation.imaging.render.series.InstanceRef;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/**
 * A loader moving from slice file to slice file, as a scroll does, reads the same samples as a fresh reader per
 * file and keeps one read buffer: no 512 KB (humongous) buffer per slice, the garbage that brought young
 * collections into the scroll's frame times.
 */
class InstanceFrameLoaderTest {
    @Test
    void consecutiveSlicesReuseTheReadBufferAndReadTheSameSamples(@TempDir Path tmp) throws Exception {
        List<Path> files = new SyntheticCtStudy(512, 12, 11).write(tmp, 12);
        FrameBuffer buf = new FrameBuffer();
        FrameBuffer expected = new FrameBuffer();
        try (InstanceFrameLoader loader = new InstanceFrameLoader()) {
            for (int round = 0; round < 2; round++) { // the first round warms up (class loading, JIT, buffers)
                var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long before = threads.getCurrentThreadAllocatedBytes();
                for (Path f : files) loader.load(new InstanceRef(f, 0), buf);
                long perSlice = (threads.getCurrentThreadAllocatedBytes() - before) / files.size();
                if (round == 1) {
                    assertTrue(perSlice < 512 * 512 * 2 / 2, "allocated " + perSlice + " bytes per slice");
                }
            }
            for (Path f : files) {
                loader.load(new InstanceRef(f, 0), buf);
                try (ImageFrames fresh = ImageFrames.open(f)) {
                    fresh.readFrame(0, expected);
                }
                int n = expected.sampleCount();
                assertArrayEquals(Arrays.copyOf(expected.shorts(), n), Arrays.copyOf(buf.shorts(), n), f.toString());
            }
        }
    }
}
