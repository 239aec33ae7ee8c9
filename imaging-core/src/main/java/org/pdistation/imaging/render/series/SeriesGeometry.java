package org.pdistation.imaging.render.series;

import java.util.ArrayList;
import java.util.List;

/**
 * A series split into stacks of one orientation each, largest first: a plain series has one stack; a series with
 * a scout or localizers mixed in has more (the scout is a stack of its own, reported rather than interleaved).
 */
public record SeriesGeometry(List<Stack> stacks) {
    public SeriesGeometry {
        stacks = List.copyOf(stacks);
    }

    /** The largest stack: the one to scroll through. Null for an empty series. */
    public Stack primary() { return stacks.isEmpty() ? null : stacks.get(0); }

    public boolean hasMixedOrientations() { return stacks.size() > 1; }

    /** All slices, stack after stack. */
    public List<SliceInfo> allSlices() {
        List<SliceInfo> out = new ArrayList<>();
        for (Stack s : stacks) out.addAll(s.slices());
        return out;
    }

    public int size() {
        int n = 0;
        for (Stack s : stacks) n += s.size();
        return n;
    }
}
