package org.pdistation.viewer.tools;

import java.util.Arrays;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;

/**
 * When each frame of a cine loop is due, in milliseconds from the start of the loop. PS3.3 C.7.6.5 (Cine Module)
 * and C.7.6.6 (Multi-frame Module): Recommended Display Frame Rate (0008,2144) says how fast to show the frames;
 * Frame Time (0018,1063) is the nominal time between frames in ms; Frame Time Vector (0018,1065) holds the time
 * increment of each frame (the first is 0); Cine Rate (0018,0040) is the frames per second of the acquisition.
 * Without any of them a stack of single images plays at {@link #DEFAULT_FPS}.
 *
 * @param offsetsMs when frame i is due, ms from the start; offsetsMs[0] = 0, non-decreasing
 * @param loopMs    length of one pass (the last frame's offset plus one nominal frame time)
 * @param source    which attribute gave the timing
 */
public record CineRate(double[] offsetsMs, double loopMs, Source source) {
    /** Frames per second of a stack whose header does not say (a common reading speed for CT/MR stacks). */
    public static final double DEFAULT_FPS = 15;
    /** Rates outside this range are typing errors or broken files; they fall back to the next source. */
    private static final double MIN_FPS = 0.1;
    private static final double MAX_FPS = 1000;

    /** Where the timing came from (shown next to the cine controls). */
    public enum Source { RECOMMENDED_DISPLAY_FRAME_RATE, FRAME_TIME_VECTOR, FRAME_TIME, CINE_RATE, DEFAULT }

    public CineRate {
        offsetsMs = offsetsMs.clone();
    }

    @Override
    public double[] offsetsMs() { return offsetsMs.clone(); }

    public int frames() { return offsetsMs.length; }

    /** The mean rate over one pass, frames per second. */
    public double framesPerSecond() { return frames() * 1000.0 / loopMs; }

    /** A loop of {@code frames} frames shown evenly at {@code fps}. */
    public static CineRate uniform(int frames, double fps, Source source) {
        int n = Math.max(1, frames);
        double dt = 1000.0 / fps;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = i * dt;
        return new CineRate(t, n * dt, source);
    }

    /** The timing of {@code frames} frames from {@code ds}, the header of a multi-frame image or of a stack's first image. */
    public static CineRate of(Dataset ds, int frames) {
        int n = Math.max(1, frames);
        if (ds == null) return uniform(n, DEFAULT_FPS, Source.DEFAULT);
        double fps = ds.getDouble(Tag.RecommendedDisplayFrameRate, Double.NaN);
        if (plausible(fps)) return uniform(n, fps, Source.RECOMMENDED_DISPLAY_FRAME_RATE);
        double[] vector = ds.getDoubles(Tag.FrameTimeVector);
        if (vector != null && vector.length == n && n > 1) {
            CineRate r = fromVector(vector);
            if (r != null) return r;
        }
        double frameTime = ds.getDouble(Tag.FrameTime, Double.NaN);
        if (frameTime > 0 && plausible(1000 / frameTime)) return uniform(n, 1000 / frameTime, Source.FRAME_TIME);
        double cine = ds.getDouble(Tag.CineRate, Double.NaN);
        if (plausible(cine)) return uniform(n, cine, Source.CINE_RATE);
        return uniform(n, DEFAULT_FPS, Source.DEFAULT);
    }

    /** C.7.6.5.1.2: each value is the increment from the previous frame; the first frame's value is 0. */
    private static CineRate fromVector(double[] increments) {
        double[] t = new double[increments.length];
        double sum = 0;
        double positive = 0;
        int counted = 0;
        for (int i = 1; i < increments.length; i++) {
            double d = increments[i];
            if (!(d >= 0) || !(d * MIN_FPS <= 1000 * 10)) return null; // negative, NaN or absurdly long
            sum += d;
            t[i] = sum;
            if (d > 0) {
                positive += d;
                counted++;
            }
        }
        if (counted == 0) return null;
        double nominal = positive / counted;
        if (!plausible(1000 / nominal)) return null;
        return new CineRate(t, sum + nominal, Source.FRAME_TIME_VECTOR);
    }

    private static boolean plausible(double fps) {
        return fps >= MIN_FPS && fps <= MAX_FPS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CineRate r && Arrays.equals(offsetsMs, r.offsetsMs) && loopMs == r.loopMs
                && source == r.source;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(offsetsMs) * 31 + Double.hashCode(loopMs);
    }
}
