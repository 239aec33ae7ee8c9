package org.pdistation.viewer.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs ours and a peer alternately (A B A B …) after a warm-up and reports medians and the median of the per-pair
 * ratios, as PERFORMANCE.md asks: on a shared, noisy 2-core machine only a ratio measured in the same run means much.
 */
public final class AlternatingRunner {
    /** One timed run returning seconds (or any cost where smaller is better). */
    @FunctionalInterface
    public interface Trial {
        double run() throws Exception;
    }

    /** Medians of each side and the median of the ratios ours / peer. */
    public record Result(double ours, double peer, double ratio, int pairs) {}

    private final int warmup;
    private final int pairs;

    public AlternatingRunner(int warmup, int pairs) {
        if (pairs < 1) {
            throw new IllegalArgumentException("at least one pair");
        }
        this.warmup = warmup;
        this.pairs = pairs;
    }

    public Result run(Trial ours, Trial peer) throws Exception {
        for (int i = 0; i < warmup; i++) {
            ours.run();
            peer.run();
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        double[] ratios = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            double x = ours.run();
            double y = peer.run();
            a.add(x);
            b.add(y);
            ratios[i] = x / y;
        }
        return new Result(median(a), median(b), median(ratios), pairs);
    }

    static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
