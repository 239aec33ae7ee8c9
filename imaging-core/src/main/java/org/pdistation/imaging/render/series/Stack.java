package org.pdistation.imaging.render.series;

import java.util.ArrayList;
import java.util.List;

/**
 * The slices of a series that share one orientation, in display order.
 *
 * @param orientation    the stack's Image Orientation (Patient) (six direction cosines), or null when unknown
 * @param normal         row × column direction (PS3.3 C.7.6.2.1.1), unit length; null unless basis is POSITION
 * @param slices         all slices, sorted by position along the normal (ascending), phases consecutive per position
 * @param basis          what the order rests on
 * @param byPosition     the slices grouped by position (one list per distinct position, each ordered by phase)
 * @param phases         the largest number of slices at one position (1 for a plain stack)
 * @param phaseKey       the attribute that tells the phases at one position apart
 * @param spacing        distances between positions; null when there are fewer than two positions or no geometry
 * @param sliceThickness the median Slice Thickness, mm, or null
 */
public record Stack(double[] orientation, double[] normal, List<SliceInfo> slices, SortBasis basis,
                    List<List<SliceInfo>> byPosition, int phases, PhaseKey phaseKey, Spacing spacing,
                    Double sliceThickness) {
    public Stack {
        slices = List.copyOf(slices);
        List<List<SliceInfo>> groups = new ArrayList<>(byPosition.size());
        for (List<SliceInfo> g : byPosition) groups.add(List.copyOf(g));
        byPosition = List.copyOf(groups);
    }

    public int size() { return slices.size(); }

    /** Number of distinct positions. */
    public int positions() { return byPosition.size(); }

    /** Whether several slices share a position (dynamic, cardiac, multi-echo...). */
    public boolean isMultiPhase() { return phases > 1; }

    /** Whether every position has the same number of phases, so that each phase is a complete volume. */
    public boolean phasesComplete() {
        for (List<SliceInfo> g : byPosition) {
            if (g.size() != phases) return false;
        }
        return true;
    }

    /** Phase {@code k} (0-based) as a stack: the k-th slice at each position that has one. */
    public List<SliceInfo> phase(int k) {
        List<SliceInfo> out = new ArrayList<>(byPosition.size());
        for (List<SliceInfo> g : byPosition) {
            if (k < g.size()) out.add(g.get(k));
        }
        return out;
    }
}
