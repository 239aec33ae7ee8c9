package org.pdistation.imaging.render.series;

/** What a stack's order is based on, from best to last resort. */
public enum SortBasis {
    /** Image Position (Patient) projected on the normal of Image Orientation (Patient) (PS3.3 C.7.6.2.1.1). */
    POSITION,
    /** Instance Number (0020,0013): positions or orientations were missing or degenerate. */
    INSTANCE_NUMBER,
    /** The order the files (and frames) were given in: no usable position and no Instance Number either. */
    FILE_ORDER
}
