package org.pdistation.imaging.render.colour;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.data.Dataset;

/**
 * Colour to premultiplied ARGB throughput: 8-bit RGB and YBR_FULL frames of random samples (every clamp case, no
 * predictable branches) into a direct {@link IntBuffer}, as a JavaFX PixelBuffer holds. No peer: megapixels per
 * second, the median of timed runs after a warm-up, one line per case ({@code name MPps - -}).
 */
public final class ColourBenchmark {
    private ColourBenchmark() {}

    public static List<String> run(int size, int runs) throws CodecException {
        List<String> lines = new ArrayList<>();
        for (Photometric p : new Photometric[] {Photometric.RGB, Photometric.YBR_FULL}) {
            ImageDescriptor d = new ImageDescriptor(size, size, 3, 8, 8, 7, false, 0, p, 1);
            FrameBuffer f = new FrameBuffer();
            f.reset(d);
            byte[] samples = f.bytes();
            SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < samples.length; i++) samples[i] = (byte) random.nextInt(256);
            ColourRenderer r = ColourRenderer.of(new Dataset(), d);
            IntBuffer dst = ByteBuffer.allocateDirect(4 * size * size).order(ByteOrder.nativeOrder()).asIntBuffer();
            // Warm up by time, not by count: on a loaded 2-core machine the JIT's compiler threads may need a
            // second before the optimised loop replaces the first one (a count-based warm-up measured 40 MP/s
            // instead of 340 on some runs).
            long until = System.nanoTime() + 1_000_000_000L;
            for (int i = 0; i < 20 || System.nanoTime() < until; i++) r.toArgb(f, p, dst);
            double[] ms = new double[Math.max(3, runs)];
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                r.toArgb(f, p, dst);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            double median = ms[ms.length / 2];
            lines.add(String.format(Locale.ROOT, "colour-%s-%d-MPps %.1f - -   (8-bit, random samples, direct IntBuffer; %.3f ms a frame)",
                    p.name().toLowerCase(Locale.ROOT).replace('_', '-'), size, size * (double) size / median / 1e3, median));
        }
        return lines;
    }
}
