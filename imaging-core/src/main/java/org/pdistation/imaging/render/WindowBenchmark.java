package org.pdistation.imaging.render;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.pdistation.imaging.codec.CodecException;
import org.pdistation.imaging.codec.FrameBuffer;
import org.pdistation.imaging.codec.ImageDescriptor;
import org.pdistation.imaging.codec.Photometric;
import org.pdistation.imaging.data.Dataset;

/**
 * Measures windowing a 16-bit frame to 8-bit grey against a plain {@code System.arraycopy} of the same input
 * {@code short[]} (2 bytes a pixel; PERFORMANCE.md: "plain copy of the input bytes", target ratio ≤ 2, "i.e. ≥ half
 * of memory bandwidth"), and against a copy of as many bytes as the output (1 byte a pixel, the stricter baseline).
 *
 * <p>The measured pass goes through a ring of distinct frames, 64 MiB of input in all, so that each frame comes from
 * memory as it does when a series is scrolled (every frame is windowed once per display) and the copy measures
 * memory bandwidth, the limit PERFORMANCE.md names. A 512² frame alone fits this machine's 1 MiB L2, where the copy
 * runs at cache speed and measures the loop's arithmetic instead: that figure is printed too ({@code -in-cache}).
 * Passes alternate ours and the copies so that all see the same machine state; the figures are medians.
 *
 * <p>{@code java -cp imaging-core.jar org.pdistation.imaging.render.WindowBenchmark [pairs]} prints
 * {@code window-512 ours_ms copy_ms ratio} and the same for 4096, each with its output-sized copy line, a SIGMOID
 * line (the table look-up, the path of every non-linear VOI) and the viewer's ARGB path.
 */
public final class WindowBenchmark {
    /** Input bytes the ring of frames holds: more than any cache of this kind of machine. */
    private static final long RING_BYTES = 64L << 20;
    /** Frames in a ring at most (a test's tiny frames would otherwise need thousands). */
    private static final int MAX_RING = 256;

    /**
     * Median milliseconds of one render and of one copy, and their ratio; then the same frame windowed again and
     * again ({@code inCache…}, the working set in cache).
     */
    public record Result(int size, double oursMs, double copyMs, double ratio, double outputCopyMs,
                         double sigmoidMs, double argbMs, double inCacheOursMs, double inCacheCopyMs) {
        /** Against the copy of the input bytes (the PERFORMANCE.md target). */
        public String line() {
            return String.format(java.util.Locale.ROOT, "window-%d %.3f %.3f %.2f", size, oursMs, copyMs, ratio);
        }

        /** Against a copy of as many bytes as the output, the SIGMOID table path, ARGB, and the in-cache case. */
        public String detailLines() {
            return String.format(java.util.Locale.ROOT,
                    "window-%d-vs-output-copy %.3f %.3f %.2f   (copy of %d bytes, the output size)%n"
                            + "window-%d-sigmoid-lut %.3f %.3f %.2f   (table look-up path vs the input copy)%n"
                            + "window-%d-argb-direct %.3f %.3f %.2f   (opaque ARGB into a direct IntBuffer, the viewer's path, vs the input copy)%n"
                            + "window-%d-in-cache %.3f %.3f %.2f   (one frame again and again: the data in cache, the copy at cache speed)",
                    size, oursMs, outputCopyMs, oursMs / outputCopyMs, size * size,
                    size, sigmoidMs, copyMs, sigmoidMs / copyMs,
                    size, argbMs, copyMs, argbMs / copyMs,
                    size, inCacheOursMs, inCacheCopyMs, inCacheOursMs / inCacheCopyMs);
        }
    }

    private WindowBenchmark() {}

    /** @param pairs measured passes over the ring (and as many in-cache pairs) */
    public static Result run(int size, int pairs) throws CodecException {
        ImageDescriptor desc = new ImageDescriptor(size, size, 1, 16, 12, 11, true, 0, Photometric.MONOCHROME2, 1);
        int pixels = size * size;
        int ring = (int) Math.clamp(RING_BYTES / (2L * pixels), 1, MAX_RING);
        SplittableRandom random = new SplittableRandom(42);
        FrameBuffer[] frames = new FrameBuffer[ring];
        byte[][] outSized = new byte[ring][];
        for (int f = 0; f < ring; f++) {
            frames[f] = new FrameBuffer();
            frames[f].reset(desc);
            short[] s = frames[f].shorts();
            for (int i = 0; i < s.length; i++) s[i] = (short) (random.nextInt(4096) - 2048);
            frames[f].normalize(desc);
            outSized[f] = new byte[pixels];
            random.nextBytes(outSized[f]);
        }
        GreyscaleRenderer renderer = GreyscaleRenderer.of(new Dataset(), desc, new LutCache(4));
        Voi voi = new Voi.Window(40, 400);
        Voi sigmoid = new Voi.Window(40, 400, Voi.Function.SIGMOID, null);
        ByteBuffer out = ByteBuffer.allocate(pixels);
        short[] copy = new short[pixels];
        byte[] outCopy = new byte[pixels];
        java.nio.IntBuffer argbOut = ByteBuffer.allocateDirect(4 * pixels).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asIntBuffer();
        // Warm up by time as well as by count: the JIT's compiler threads compete with the machine's other work.
        int warm = Math.max(3, 20_000_000 / pixels);
        long until = System.nanoTime() + Math.min(1_000_000_000L, 50_000L * pixels / 1000);
        for (int i = 0; i < warm || System.nanoTime() < until; i++) {
            FrameBuffer frame = frames[i % ring];
            renderer.render(frame, 0, voi, out);
            renderer.render(frame, 0, sigmoid, out);
            renderer.renderArgb(frame, 0, voi, argbOut);
            System.arraycopy(frame.shorts(), 0, copy, 0, pixels);
            System.arraycopy(outSized[i % ring], 0, outCopy, 0, pixels);
        }
        double[] ours = new double[pairs];
        double[] plain = new double[pairs];
        double[] plainOut = new double[pairs];
        double[] sig = new double[pairs];
        double[] argb = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            long t0 = System.nanoTime();
            for (FrameBuffer frame : frames) renderer.render(frame, 0, voi, out);
            long t1 = System.nanoTime();
            for (FrameBuffer frame : frames) System.arraycopy(frame.shorts(), 0, copy, 0, pixels);
            long t2 = System.nanoTime();
            for (byte[] b : outSized) System.arraycopy(b, 0, outCopy, 0, pixels);
            long t3 = System.nanoTime();
            for (FrameBuffer frame : frames) renderer.render(frame, 0, sigmoid, out);
            long t4 = System.nanoTime();
            for (FrameBuffer frame : frames) renderer.renderArgb(frame, 0, voi, argbOut);
            long t5 = System.nanoTime();
            ours[i] = (t1 - t0) / 1e6 / ring;
            plain[i] = (t2 - t1) / 1e6 / ring;
            plainOut[i] = (t3 - t2) / 1e6 / ring;
            sig[i] = (t4 - t3) / 1e6 / ring;
            argb[i] = (t5 - t4) / 1e6 / ring;
        }
        // The same frame back to back, in blocks, alternately: both sides find their data where they left it.
        int block = Math.max(1, 4_000_000 / pixels);
        double[] cachedOurs = new double[pairs];
        double[] cachedCopy = new double[pairs];
        FrameBuffer one = frames[0];
        for (int i = 0; i < pairs; i++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < block; k++) renderer.render(one, 0, voi, out);
            long t1 = System.nanoTime();
            for (int k = 0; k < block; k++) System.arraycopy(one.shorts(), 0, copy, 0, pixels);
            long t2 = System.nanoTime();
            cachedOurs[i] = (t1 - t0) / 1e6 / block;
            cachedCopy[i] = (t2 - t1) / 1e6 / block;
        }
        double o = median(ours);
        double c = median(plain);
        if (out.get(size) == 17 && copy[size] == 17 && outCopy[size] == 17) System.out.print(""); // keep observable
        return new Result(size, o, c, o / c, median(plainOut), median(sig), median(argb), median(cachedOurs),
                median(cachedCopy));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    public static void main(String[] args) throws CodecException {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 31;
        for (Result r : new Result[] {run(512, pairs), run(4096, pairs)}) {
            System.out.println(r.line());
            System.out.println(r.detailLines());
        }
    }
}
