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
 * {@code short[]} (2 bytes a pixel; PERFORMANCE.md: "plain copy of the input bytes", target ratio ≤ 2), and
 * against a copy of as many bytes as the output (1 byte a pixel, the stricter baseline). Runs alternate ours and
 * the copies so that all see the same machine state; the figures are medians.
 *
 * <p>{@code java -cp imaging-core.jar org.pdistation.imaging.render.WindowBenchmark [pairs]} prints
 * {@code window-512 ours_ms copy_ms ratio} and the same for 4096, each with its output-sized copy line and a
 * SIGMOID line (the table look-up, the path of every non-linear VOI).
 */
public final class WindowBenchmark {
    /** Median milliseconds of one render and of one copy, and their ratio. */
    public record Result(int size, double oursMs, double copyMs, double ratio, double outputCopyMs,
                         double sigmoidMs, double argbMs) {
        /** Against the copy of the input bytes (the PERFORMANCE.md target). */
        public String line() {
            return String.format(java.util.Locale.ROOT, "window-%d %.3f %.3f %.2f", size, oursMs, copyMs, ratio);
        }

        /** Against a copy of as many bytes as the output, and the SIGMOID table path against the input copy. */
        public String detailLines() {
            return String.format(java.util.Locale.ROOT,
                    "window-%d-vs-output-copy %.3f %.3f %.2f   (copy of %d bytes, the output size)%n"
                            + "window-%d-sigmoid-lut %.3f %.3f %.2f   (table look-up path vs the input copy)%n"
                            + "window-%d-argb-direct %.3f %.3f %.2f   (opaque ARGB into a direct IntBuffer, the viewer's path, vs the input copy)",
                    size, oursMs, outputCopyMs, oursMs / outputCopyMs, size * size,
                    size, sigmoidMs, copyMs, sigmoidMs / copyMs,
                    size, argbMs, copyMs, argbMs / copyMs);
        }
    }

    private WindowBenchmark() {}

    public static Result run(int size, int pairs) throws CodecException {
        ImageDescriptor desc = new ImageDescriptor(size, size, 1, 16, 12, 11, true, 0, Photometric.MONOCHROME2, 1);
        FrameBuffer frame = new FrameBuffer();
        frame.reset(desc);
        SplittableRandom random = new SplittableRandom(42);
        short[] s = frame.shorts();
        for (int i = 0; i < s.length; i++) s[i] = (short) (random.nextInt(4096) - 2048);
        frame.normalize(desc);
        GreyscaleRenderer renderer = GreyscaleRenderer.of(new Dataset(), desc, new LutCache(4));
        Voi voi = new Voi.Window(40, 400);
        Voi sigmoid = new Voi.Window(40, 400, Voi.Function.SIGMOID, null);
        ByteBuffer out = ByteBuffer.allocate(size * size);
        short[] copy = new short[s.length];
        byte[] outSized = new byte[size * size];
        byte[] outCopy = new byte[size * size];
        random.nextBytes(outSized);
        double[] ours = new double[pairs];
        double[] plain = new double[pairs];
        double[] plainOut = new double[pairs];
        double[] sig = new double[pairs];
        double[] argb = new double[pairs];
        java.nio.IntBuffer argbOut = ByteBuffer.allocateDirect(4 * size * size).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asIntBuffer();
        // Warm up by time as well as by count: the JIT's compiler threads compete with the machine's other work.
        int warm = Math.max(3, 20_000_000 / (size * size));
        long until = System.nanoTime() + Math.min(1_000_000_000L, 50_000L * size * size / 1000);
        for (int i = 0; i < warm || System.nanoTime() < until; i++) {
            renderer.render(frame, 0, voi, out);
            renderer.render(frame, 0, sigmoid, out);
            renderer.renderArgb(frame, 0, voi, argbOut);
            System.arraycopy(s, 0, copy, 0, s.length);
            System.arraycopy(outSized, 0, outCopy, 0, outSized.length);
        }
        for (int i = 0; i < pairs; i++) {
            long t0 = System.nanoTime();
            renderer.render(frame, 0, voi, out);
            long t1 = System.nanoTime();
            System.arraycopy(s, 0, copy, 0, size * size);
            long t2 = System.nanoTime();
            System.arraycopy(outSized, 0, outCopy, 0, size * size);
            long t3 = System.nanoTime();
            renderer.render(frame, 0, sigmoid, out);
            long t4 = System.nanoTime();
            renderer.renderArgb(frame, 0, voi, argbOut);
            long t5 = System.nanoTime();
            argb[i] = (t5 - t4) / 1e6;
            ours[i] = (t1 - t0) / 1e6;
            plain[i] = (t2 - t1) / 1e6;
            plainOut[i] = (t3 - t2) / 1e6;
            sig[i] = (t4 - t3) / 1e6;
        }
        double o = median(ours);
        double c = median(plain);
        if (out.get(size) == 17 && copy[size] == 17 && outCopy[size] == 17) System.out.print(""); // keep observable
        return new Result(size, o, c, o / c, median(plainOut), median(sig), median(argb));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    public static void main(String[] args) throws CodecException {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 31;
        for (Result r : new Result[] {run(512, pairs * 10), run(4096, pairs)}) {
            System.out.println(r.line());
            System.out.println(r.detailLines());
        }
    }
}
