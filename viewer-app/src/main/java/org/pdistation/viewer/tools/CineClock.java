package org.pdistation.viewer.tools;

/**
 * Which frame is due now, from the time elapsed since play began: the clock never waits for drawing, so a slow
 * frame makes the next frame come later on screen, never slows the loop (frames are skipped and counted as
 * dropped instead). Loops over the frames. Not thread-safe: used on the FX thread by the animation timer.
 */
public final class CineClock {
    private final CineRate rate;
    private final double[] offsets;
    private double speed = 1;
    /** Loop position (ms, at speed 1) at {@link #anchorNanos}; changing speed re-anchors so the image does not jump. */
    private double anchorMs;
    private long anchorNanos = Long.MIN_VALUE;
    private int last = -1;
    private long skipped;
    private long advanced;

    public CineClock(CineRate rate, int startFrame) {
        this.rate = rate;
        this.offsets = rate.offsetsMs();
        double[] t = offsets;
        this.anchorMs = t[Math.max(0, Math.min(t.length - 1, startFrame))];
        this.last = Math.max(0, Math.min(t.length - 1, startFrame));
    }

    public CineRate rate() { return rate; }

    public double speed() { return speed; }

    /** Changes the playback speed (1 = recorded rate) from {@code nowNanos} on. */
    public void setSpeed(double speed, long nowNanos) {
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be > 0: " + speed);
        if (anchorNanos != Long.MIN_VALUE) {
            anchorMs = positionMs(nowNanos);
            anchorNanos = nowNanos;
        }
        this.speed = speed;
    }

    /** The frame due at {@code nowNanos}; the first call starts the clock. */
    public int frameAt(long nowNanos) {
        if (anchorNanos == Long.MIN_VALUE) anchorNanos = nowNanos;
        int f = frameOf(positionMs(nowNanos));
        if (f != last) {
            int n = rate.frames();
            int step = Math.floorMod(f - last, n);
            advanced += step;
            skipped += step - 1;
            last = f;
        }
        return f;
    }

    /** Frames the clock passed over without asking for them (the display could not keep up). */
    public long skipped() { return skipped; }

    /** Frames the clock moved through, skipped or not. */
    public long advanced() { return advanced; }

    private double positionMs(long nowNanos) {
        double p = anchorMs + (nowNanos - anchorNanos) / 1e6 * speed;
        double loop = rate.loopMs();
        return loop > 0 ? p % loop : 0;
    }

    /** The last frame whose offset is at or before {@code ms} (binary search over the offsets). */
    private int frameOf(double ms) {
        double[] t = offsets;
        int lo = 0;
        int hi = t.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (t[mid] <= ms) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
