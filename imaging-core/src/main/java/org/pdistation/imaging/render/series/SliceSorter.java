package org.pdistation.imaging.render.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts the slices of one series into {@link SeriesGeometry}: groups by orientation, orders each group along its
 * normal, groups phases at one position and measures the spacing.
 *
 * @param orientationDegrees two orientations within this angle (for both row and column cosines) are one stack
 * @param positionMm         two positions closer than this along the normal are the same position (phases)
 * @param spacingRelative    a gap within this fraction of the median gap (or {@code positionMm}) is regular
 */
public record SliceSorter(double orientationDegrees, double positionMm, double spacingRelative) {
    /** 1°, 0.01 mm, 2%: DS rounding and gantry-tilt noise stay inside, a missing slice stands out. */
    public static final SliceSorter DEFAULT = new SliceSorter(1.0, 0.01, 0.02);

    public static SeriesGeometry sortSeries(List<SliceInfo> slices) {
        return DEFAULT.sort(slices);
    }

    /** An input slice with its place in the input (the last-resort order) and its distance along the normal. */
    private record Item(SliceInfo s, int order, double distance) {}

    public SeriesGeometry sort(List<SliceInfo> slices) {
        List<List<Item>> groups = new ArrayList<>();
        List<double[]> keys = new ArrayList<>();
        List<Item> noOrientation = new ArrayList<>();
        double cosTol = Math.cos(Math.toRadians(orientationDegrees));
        for (int i = 0; i < slices.size(); i++) {
            SliceInfo s = slices.get(i);
            Item item = new Item(s, i, Double.NaN);
            double[] o = s.orientation();
            if (o == null || unitRowColumn(o) == null) {
                noOrientation.add(item);
                continue;
            }
            int g = findGroup(keys, unitRowColumn(o), cosTol);
            if (g < 0) {
                keys.add(unitRowColumn(o));
                groups.add(new ArrayList<>());
                g = groups.size() - 1;
            }
            groups.get(g).add(item);
        }
        List<Stack> stacks = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            stacks.add(stack(groups.get(g), keys.get(g)));
        }
        if (!noOrientation.isEmpty()) stacks.add(stack(noOrientation, null));
        // Largest first; List.sort is stable, so equal sizes keep the order of their first slice in the input.
        stacks.sort(Comparator.comparingInt(Stack::size).reversed());
        return new SeriesGeometry(stacks);
    }

    /**
     * The row and column cosines normalised, or null when degenerate: a zero vector or row and column far from
     * perpendicular (PS3.3 C.7.6.2.1.1 requires orthogonal unit vectors; a writer's rounding is tolerated).
     */
    static double[] unitRowColumn(double[] o) {
        double rl = Math.sqrt(o[0] * o[0] + o[1] * o[1] + o[2] * o[2]);
        double cl = Math.sqrt(o[3] * o[3] + o[4] * o[4] + o[5] * o[5]);
        if (rl < 1e-6 || cl < 1e-6) return null;
        double[] u = {o[0] / rl, o[1] / rl, o[2] / rl, o[3] / cl, o[4] / cl, o[5] / cl};
        double dot = u[0] * u[3] + u[1] * u[4] + u[2] * u[5];
        return Math.abs(dot) > 0.05 ? null : u;
    }

    private static int findGroup(List<double[]> keys, double[] u, double cosTol) {
        for (int g = 0; g < keys.size(); g++) {
            double[] k = keys.get(g);
            double rowDot = k[0] * u[0] + k[1] * u[1] + k[2] * u[2];
            double colDot = k[3] * u[3] + k[4] * u[4] + k[5] * u[5];
            if (rowDot >= cosTol && colDot >= cosTol) return g;
        }
        return -1;
    }

    /** Normal = row × column (PS3.3 C.7.6.2.1.1), unit length since row and column are orthonormal enough. */
    static double[] normal(double[] u) {
        double nx = u[1] * u[5] - u[2] * u[4];
        double ny = u[2] * u[3] - u[0] * u[5];
        double nz = u[0] * u[4] - u[1] * u[3];
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        return new double[] {nx / len, ny / len, nz / len};
    }

    private Stack stack(List<Item> items, double[] orientation) {
        boolean allPositions = orientation != null && items.stream().allMatch(i -> i.s().position() != null);
        if (allPositions) {
            double[] n = normal(orientation);
            List<Item> projected = new ArrayList<>(items.size());
            for (Item i : items) {
                double[] p = i.s().position();
                projected.add(new Item(i.s(), i.order(), p[0] * n[0] + p[1] * n[1] + p[2] * n[2]));
            }
            projected.sort(Comparator.comparingDouble(Item::distance).thenComparing(PHASE_ORDER));
            List<List<Item>> byPos = new ArrayList<>();
            for (Item i : projected) {
                List<Item> last = byPos.isEmpty() ? null : byPos.get(byPos.size() - 1);
                // Compare with the first slice at the position so that a chain of tiny steps cannot creep.
                if (last != null && i.distance() - last.get(0).distance() <= positionMm) {
                    last.add(i);
                } else {
                    List<Item> g = new ArrayList<>();
                    g.add(i);
                    byPos.add(g);
                }
            }
            for (List<Item> g : byPos) g.sort(PHASE_ORDER);
            return build(orientation, n, SortBasis.POSITION, byPos, spacing(byPos, items));
        }
        boolean allInstance = items.stream().allMatch(i -> i.s().instanceNumber() != null);
        List<Item> sorted = new ArrayList<>(items);
        SortBasis basis = SortBasis.FILE_ORDER;
        if (allInstance) {
            sorted.sort(Comparator.comparingInt((Item i) -> i.s().instanceNumber()).thenComparingInt(Item::order));
            basis = SortBasis.INSTANCE_NUMBER;
        } else {
            sorted.sort(Comparator.comparingInt(Item::order));
        }
        // Without geometry every slice is its own position: phases cannot be told from slices.
        List<List<Item>> byPos = new ArrayList<>();
        for (Item i : sorted) byPos.add(List.of(i));
        return build(orientation, null, basis, byPos, null);
    }

    /**
     * Order of the slices at one position: Temporal Position (Identifier or Index), Trigger Time, Acquisition
     * Number, Echo Number, Instance Number, then input order. Missing values sort after present ones.
     */
    private static final Comparator<Item> PHASE_ORDER = Comparator
            .comparing((Item i) -> i.s().temporalPositionIdentifier(), nullsLast())
            .thenComparing(i -> i.s().triggerTime(), nullsLast())
            .thenComparing(i -> i.s().acquisitionNumber(), nullsLast())
            .thenComparing(i -> i.s().echoNumber(), nullsLast())
            .thenComparing(i -> i.s().instanceNumber(), nullsLast())
            .thenComparingInt(Item::order);

    private static <T extends Comparable<? super T>> Comparator<T> nullsLast() {
        return Comparator.nullsLast(Comparator.<T>naturalOrder());
    }

    private Stack build(double[] orientation, double[] normal, SortBasis basis, List<List<Item>> byPos,
                        Spacing spacing) {
        List<SliceInfo> flat = new ArrayList<>();
        List<List<SliceInfo>> groups = new ArrayList<>(byPos.size());
        int phases = 0;
        for (List<Item> g : byPos) {
            List<SliceInfo> infos = new ArrayList<>(g.size());
            for (Item i : g) infos.add(i.s());
            flat.addAll(infos);
            groups.add(infos);
            phases = Math.max(phases, g.size());
        }
        return new Stack(orientation, normal, flat, basis, groups, phases, PhaseKey.of(groups), spacing,
                medianThickness(flat));
    }

    private Spacing spacing(List<List<Item>> byPos, List<Item> items) {
        if (byPos.size() < 2) return null;
        double[] gaps = new double[byPos.size() - 1];
        for (int k = 0; k < gaps.length; k++) {
            gaps[k] = byPos.get(k + 1).get(0).distance() - byPos.get(k).get(0).distance();
        }
        double median = median(gaps.clone());
        double tol = Math.max(positionMm, spacingRelative * median);
        double min = Double.MAX_VALUE;
        double max = 0;
        List<Spacing.Gap> irregular = new ArrayList<>();
        for (int k = 0; k < gaps.length; k++) {
            min = Math.min(min, gaps[k]);
            max = Math.max(max, gaps[k]);
            if (Math.abs(gaps[k] - median) > tol) irregular.add(new Spacing.Gap(k, gaps[k]));
        }
        Double thickness = medianThickness(items.stream().map(Item::s).toList());
        Spacing.Coverage coverage;
        if (thickness == null || thickness <= 0) {
            coverage = Spacing.Coverage.UNKNOWN;
        } else if (Math.abs(median - thickness) <= tol) {
            coverage = Spacing.Coverage.CONTIGUOUS;
        } else {
            coverage = median > thickness ? Spacing.Coverage.GAPS : Spacing.Coverage.OVERLAPPING;
        }
        return new Spacing(median, min, max, irregular.isEmpty(), irregular, coverage);
    }

    private static Double medianThickness(List<SliceInfo> slices) {
        double[] t = slices.stream().map(SliceInfo::sliceThickness).filter(v -> v != null && v > 0)
                .mapToDouble(Double::doubleValue).toArray();
        return t.length == 0 ? null : median(t);
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
