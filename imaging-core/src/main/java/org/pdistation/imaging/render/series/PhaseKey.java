package org.pdistation.imaging.render.series;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The attribute that tells apart the slices at one position of a multi-phase stack: the first, in this order,
 * whose values are present and distinct at every shared position.
 */
public enum PhaseKey {
    /** Single phase: nothing to tell apart. */
    NONE(null),
    /** Temporal Position Identifier (0020,0100) / Temporal Position Index (0020,9128): dynamic series. */
    TEMPORAL_POSITION(SliceInfo::temporalPositionIdentifier),
    /** Trigger Time (0018,1060) / Nominal Cardiac Trigger Delay Time (0020,9153): cardiac phases. */
    TRIGGER_TIME(SliceInfo::triggerTime),
    /** Acquisition Number (0020,0012): repeated acquisitions. */
    ACQUISITION_NUMBER(SliceInfo::acquisitionNumber),
    /** Echo Numbers (0018,0086): multi-echo MR. */
    ECHO_NUMBER(SliceInfo::echoNumber),
    /** Only Instance Number differs: phases in acquisition order, meaning unknown. */
    INSTANCE_NUMBER(SliceInfo::instanceNumber),
    /** Nothing differs: duplicates, or frames of one position in file order. */
    UNKNOWN(null);

    private final Function<SliceInfo, Object> value;

    PhaseKey(Function<SliceInfo, Object> value) {
        this.value = value;
    }

    static PhaseKey of(List<List<SliceInfo>> byPosition) {
        boolean multi = byPosition.stream().anyMatch(g -> g.size() > 1);
        if (!multi) return NONE;
        for (PhaseKey k : values()) {
            if (k.value != null && k.distinguishes(byPosition)) return k;
        }
        return UNKNOWN;
    }

    private boolean distinguishes(List<List<SliceInfo>> byPosition) {
        for (List<SliceInfo> g : byPosition) {
            if (g.size() < 2) continue;
            Set<Object> seen = new HashSet<>();
            for (SliceInfo s : g) {
                Object v = value.apply(s);
                if (v == null || !seen.add(v)) return false;
            }
        }
        return true;
    }
}
