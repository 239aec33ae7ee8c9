package org.pdistation.imaging.render;

import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;

/**
 * The attributes that may differ from frame to frame of an image, resolved for one frame: from the top-level
 * dataset, overridden by the Shared Functional Groups (5200,9229), overridden by the frame's item of the Per-Frame
 * Functional Groups (5200,9230) (PS3.3 C.7.6.16).
 *
 * @param rescale        Pixel Value Transformation (0028,9145) or the top-level Rescale Slope/Intercept/Type
 * @param windows        Frame VOI LUT (0028,9132) or the top-level Window Center/Width, one per value pair
 * @param pixelSpacing   Pixel Measures (0028,9110) or top-level Pixel Spacing: {row spacing, column spacing} mm,
 *                       null when absent
 * @param sliceThickness mm, NaN when absent
 * @param position       Plane Position (Patient) (0020,9113) Image Position (Patient): x, y, z mm; null when absent
 * @param orientation    Plane Orientation (Patient) (0020,9116) Image Orientation (Patient): row then column
 *                       direction cosines; null when absent
 */
public record FrameAttributes(ModalityLut.Rescale rescale, List<Voi.Window> windows, double[] pixelSpacing,
                              double sliceThickness, double[] position, double[] orientation) {
    public FrameAttributes {
        windows = List.copyOf(windows);
    }

    /** Resolves the attributes of frame {@code frame} (0-based) of {@code ds}. */
    public static FrameAttributes of(Dataset ds, int frame) {
        Builder b = new Builder();
        b.take(ds);
        Dataset shared = firstItem(ds.getSequence(Tag.SharedFunctionalGroupsSequence));
        if (shared != null) b.takeGroups(shared);
        Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        if (perFrame != null && frame >= 0 && frame < perFrame.size()) b.takeGroups(perFrame.get(frame));
        return new FrameAttributes(b.rescale, b.windows, b.spacing, b.thickness, b.position, b.orientation);
    }

    private static Dataset firstItem(Sequence s) {
        return s != null && s.size() > 0 ? s.get(0) : null;
    }

    private static final class Builder {
        ModalityLut.Rescale rescale = ModalityLut.Rescale.IDENTITY;
        List<Voi.Window> windows = List.of();
        double[] spacing;
        double thickness = Double.NaN;
        double[] position;
        double[] orientation;

        /** Attributes at one level (top-level dataset, or the item of a functional group macro). */
        void take(Dataset d) {
            if (d.contains(Tag.RescaleSlope) || d.contains(Tag.RescaleIntercept)) {
                rescale = new ModalityLut.Rescale(d.getDouble(Tag.RescaleSlope, 1), d.getDouble(Tag.RescaleIntercept, 0),
                        d.getString(Tag.RescaleType));
            }
            List<Voi.Window> w = windows(d);
            if (!w.isEmpty()) windows = w;
            double[] ps = d.getDoubles(Tag.PixelSpacing);
            if (ps.length >= 2) spacing = new double[] {ps[0], ps[1]};
            if (d.contains(Tag.SliceThickness)) thickness = d.getDouble(Tag.SliceThickness, Double.NaN);
            double[] ipp = d.getDoubles(Tag.ImagePositionPatient);
            if (ipp.length >= 3) position = new double[] {ipp[0], ipp[1], ipp[2]};
            double[] iop = d.getDoubles(Tag.ImageOrientationPatient);
            if (iop.length >= 6) orientation = java.util.Arrays.copyOf(iop, 6);
        }

        /** The macros of one functional groups item (C.7.6.16.2). */
        void takeGroups(Dataset groups) {
            for (int tag : new int[] {Tag.PixelValueTransformationSequence, Tag.FrameVOILUTSequence,
                    Tag.PixelMeasuresSequence, Tag.PlanePositionSequence, Tag.PlaneOrientationSequence}) {
                Dataset item = firstItem(groups.getSequence(tag));
                if (item != null) take(item);
            }
        }
    }

    /**
     * Window Center (0028,1050) / Width (0028,1051) pairs with their Explanation (0028,1055) and the VOI LUT
     * Function (0028,1056) (C.11.2.1.2): several values are alternative presets, the first the default.
     */
    static List<Voi.Window> windows(Dataset d) {
        double[] c = d.getDoubles(Tag.WindowCenter);
        double[] w = d.getDoubles(Tag.WindowWidth);
        int n = Math.min(c.length, w.length);
        if (n == 0) return List.of();
        String[] expl = d.getStrings(Tag.WindowCenterWidthExplanation);
        Voi.Function f = Voi.Function.of(d.getString(Tag.VOILUTFunction));
        List<Voi.Window> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(c[i]) || !Double.isFinite(w[i]) || w[i] <= 0) continue; // width must be > 0
            if (f == Voi.Function.LINEAR && w[i] < 1) continue; // C.11.2.1.2.1: LINEAR needs width >= 1
            String e = expl != null && i < expl.length ? expl[i] : null;
            out.add(new Voi.Window(c[i], w[i], f, e == null || e.isBlank() ? null : e.strip()));
        }
        return out;
    }
}
