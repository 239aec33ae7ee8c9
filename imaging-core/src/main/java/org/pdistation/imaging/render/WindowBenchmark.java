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
 * {@code short[]}: the target is a ratio of at most 2. Runs alternate ours and the copy so that both see the same
 * machine state; the figures are medians.
 *
 * <p>{@code java -cp imaging-core.jar org.pdistation.imaging.render.WindowBenchmark [pairs]} prints
 * {@code window-512 ours_ms copy_ms ratio} and the same for 4096.
 */
public final class WindowBenchmark {
    /** Median milliseconds of one render and of one copy, and their ratio. */
    public record Result(int size, double oursMs, double copyMs, double ratio) {
        public String line() {
            return String.format(java.util.Locale.ROOT, "window-%d %.3f %.3f %.2f", size, oursMs, copyMs, ratio);
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
        ByteBuffer out = ByteBuffer.allocate(size * size);
        short[] copy = new short[s.length];
        double[] ours = new double[pairs];
        double[] plain = new double[pairs];
        int warm = Math.max(3, 20_000_000 / (size * size));
        for (int i = 0; i < warm; i++) {
            renderer.render(frame, 0, voi, out);
            System.arraycopy(s, 0, copy, 0, s.length);
        }
        for (int i = 0; i < pairs; i++) {
            long t0 = System.nanoTime();
            renderer.render(frame, 0, voi, out);
            long t1 = System.nanoTime();
            System.arraycopy(s, 0, copy, 0, size * size);
            long t2 = System.nanoTime();
            ours[i] = (t1 - t0) / 1e6;
            plain[i] = (t2 - t1) / 1e6;
        }
        double o = median(ours);
        double c = median(plain);
        if (out.get(size) == 17 && copy[size] == 17) System.out.print(""); // keep the results observable
        return new Result(size, o, c, o / c);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    public static void main(String[] args) throws CodecException {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 31;
        System.out.println(run(512, pairs * 10).line());
        System.out.println(run(4096, pairs).line());
    }
}
