package org.pdistation.imaging.render.series;

import java.nio.file.Path;

/** Builds {@link SliceInfo}s for sorter tests: a position, an orientation and the ordering attributes. */
final class Slices {
    static final double[] AXIAL = {1, 0, 0, 0, 1, 0};
    static final double[] SAGITTAL = {0, 1, 0, 0, 0, -1};
    static final double[] CORONAL = {1, 0, 0, 0, 0, -1};

    private Slices() {}

    static SliceInfo slice(String name, double[] position, double[] orientation, Integer instance) {
        return of(name, position, orientation, instance, null, null, 2.5);
    }

    static SliceInfo of(String name, double[] position, double[] orientation, Integer instance,
                        Integer temporal, Double trigger, Double thickness) {
        return new SliceInfo(new InstanceRef(Path.of(name), 0), "1.2.3", position, orientation, instance, null,
                temporal, trigger, null, null, thickness, null, new double[] {0.5, 0.5}, null, null, null, null,
                256, 256);
    }

    static String name(SliceInfo s) {
        return s.ref().path().toString();
    }
}
