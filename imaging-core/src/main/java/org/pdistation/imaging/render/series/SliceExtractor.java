package org.pdistation.imaging.render.series;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;

/**
 * Reads {@link SliceInfo}s from a dataset: one per frame. For an enhanced multi-frame instance each frame's values
 * come from its Per-Frame Functional Groups item (5200,9230), else the Shared Functional Groups (5200,9229), else the
 * top level (PS3.3 C.7.6.16: a macro is in either the shared or the per-frame item, never both). Legacy multi-frame
 * instances (NM, US cine) have one plane for all frames, so every frame gets the top-level values.
 */
public final class SliceExtractor {
    private SliceExtractor() {}

    /** One SliceInfo per frame of the instance in {@code file} (header only is enough). */
    public static List<SliceInfo> slices(Path file, Dataset ds) {
        int frames = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        Sequence sharedSeq = ds.getSequence(Tag.SharedFunctionalGroupsSequence);
        Dataset shared = sharedSeq != null && !sharedSeq.isEmpty() ? sharedSeq.get(0) : null;
        // A damaged header may claim millions of frames; never make more entries than the per-frame items, or
        // than a sane bound when there are none (legacy multi-frame: the frames share one plane anyway).
        if (perFrame != null && !perFrame.isEmpty()) {
            frames = Math.min(frames, perFrame.size());
        } else {
            frames = Math.min(frames, 65_536);
        }
        List<SliceInfo> out = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            Dataset item = perFrame != null && f < perFrame.size() ? perFrame.get(f) : null;
            out.add(slice(new InstanceRef(file, f), ds, shared, item));
        }
        return out;
    }

    private static SliceInfo slice(InstanceRef ref, Dataset ds, Dataset shared, Dataset frame) {
        Dataset planePos = macro(Tag.PlanePositionSequence, frame, shared);
        Dataset planeOri = macro(Tag.PlaneOrientationSequence, frame, shared);
        Dataset measures = macro(Tag.PixelMeasuresSequence, frame, shared);
        Dataset content = macro(Tag.FrameContentSequence, frame, shared);
        Dataset cardiac = macro(Tag.CardiacSynchronizationSequence, frame, shared);

        double[] position = doubles(planePos != null ? planePos : ds, Tag.ImagePositionPatient);
        double[] orientation = doubles(planeOri != null ? planeOri : ds, Tag.ImageOrientationPatient);
        Dataset spacingSource = measures != null ? measures : ds;
        double[] pixelSpacing = doubles(spacingSource, Tag.PixelSpacing);
        Double thickness = number(spacingSource, Tag.SliceThickness);
        Double between = number(spacingSource, Tag.SpacingBetweenSlices);
        if (measures != null) {
            // Some writers put only Pixel Spacing in the macro and leave the rest at the top level.
            if (pixelSpacing == null) pixelSpacing = doubles(ds, Tag.PixelSpacing);
            if (thickness == null) thickness = number(ds, Tag.SliceThickness);
            if (between == null) between = number(ds, Tag.SpacingBetweenSlices);
        }

        Integer acquisition = content != null ? integer(content, Tag.FrameAcquisitionNumber) : null;
        if (acquisition == null) acquisition = integer(ds, Tag.AcquisitionNumber);
        Integer temporal = content != null ? integer(content, Tag.TemporalPositionIndex) : null;
        if (temporal == null) temporal = integer(ds, Tag.TemporalPositionIdentifier);
        Double trigger = cardiac != null ? number(cardiac, Tag.NominalCardiacTriggerDelayTime) : null;
        if (trigger == null) trigger = number(ds, Tag.TriggerTime);
        String stackId = content != null ? content.getString(Tag.StackID) : null;
        Integer inStack = content != null ? integer(content, Tag.InStackPositionNumber) : null;

        return new SliceInfo(ref, ds.getString(Tag.SeriesInstanceUID), position, orientation,
                integer(ds, Tag.InstanceNumber), acquisition, temporal, trigger, integer(ds, Tag.EchoNumbers),
                number(ds, Tag.SliceLocation), thickness, between, pixelSpacing,
                doubles(ds, Tag.ImagerPixelSpacing), ds.getString(Tag.PixelSpacingCalibrationType),
                stackId, inStack, ds.getInt(Tag.Rows, 0), ds.getInt(Tag.Columns, 0));
    }

    /** The first item of functional group {@code tag}: per-frame first, then shared; null when in neither. */
    private static Dataset macro(int tag, Dataset frame, Dataset shared) {
        Dataset item = firstItem(frame, tag);
        return item != null ? item : firstItem(shared, tag);
    }

    private static Dataset firstItem(Dataset ds, int tag) {
        if (ds == null) return null;
        Object v = ds.get(tag);
        if (!(v instanceof Sequence s) || s.isEmpty()) return null;
        return s.get(0);
    }

    private static double[] doubles(Dataset ds, int tag) {
        if (ds.get(tag) == null) return null;
        double[] v = ds.getDoubles(tag);
        return v.length == 0 ? null : v;
    }

    private static Double number(Dataset ds, int tag) {
        double[] v = doubles(ds, tag);
        return v == null || !Double.isFinite(v[0]) ? null : v[0];
    }

    private static Integer integer(Dataset ds, int tag) {
        if (ds.get(tag) == null) return null;
        long[] v = ds.getLongs(tag);
        return v.length == 0 || v[0] > Integer.MAX_VALUE || v[0] < Integer.MIN_VALUE ? null : (int) v[0];
    }
}
