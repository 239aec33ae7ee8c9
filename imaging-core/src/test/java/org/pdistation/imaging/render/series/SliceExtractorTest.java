package org.pdistation.imaging.render.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

class SliceExtractorTest {
    private static final Path FILE = Path.of("enhanced.dcm");

    /** Enhanced MR-like header: shared orientation and pixel measures, per-frame position and frame content. */
    private static Dataset enhanced(int frames) {
        Dataset ds = new Dataset();
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4");
        ds.setString(Tag.InstanceNumber, VR.IS, "7");
        ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(frames));
        ds.setInt(Tag.Rows, VR.US, 64);
        ds.setInt(Tag.Columns, VR.US, 32);
        ds.setString(Tag.SpacingBetweenSlices, VR.DS, "3.5");
        Dataset shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence, 1).addItem();
        shared.newSequence(Tag.PlaneOrientationSequence, 1).addItem()
                .setString(Tag.ImageOrientationPatient, VR.DS, "0", "1", "0", "0", "0", "-1");
        Dataset measures = shared.newSequence(Tag.PixelMeasuresSequence, 1).addItem();
        measures.setString(Tag.PixelSpacing, VR.DS, "0.8", "0.4");
        measures.setString(Tag.SliceThickness, VR.DS, "3");
        var perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence, frames);
        for (int f = 0; f < frames; f++) {
            Dataset item = perFrame.addItem();
            item.newSequence(Tag.PlanePositionSequence, 1).addItem()
                    .setString(Tag.ImagePositionPatient, VR.DS, Double.toString(10.0 - f * 3.5), "-90", "80");
            Dataset content = item.newSequence(Tag.FrameContentSequence, 1).addItem();
            content.setInt(Tag.TemporalPositionIndex, VR.UL, f % 2 + 1);
            content.setInt(Tag.FrameAcquisitionNumber, VR.US, 40 + f);
            content.setString(Tag.StackID, VR.SH, "1");
            content.setInt(Tag.InStackPositionNumber, VR.UL, f + 1);
        }
        return ds;
    }

    @Test
    void enhancedFramesTakePerFrameThenSharedFunctionalGroups() {
        List<SliceInfo> s = SliceExtractor.slices(FILE, enhanced(4));
        assertEquals(4, s.size());
        SliceInfo f2 = s.get(2);
        assertEquals(new InstanceRef(FILE, 2), f2.ref());
        assertArrayEquals(new double[] {3, -90, 80}, f2.position(), 1e-12);
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, -1}, f2.orientation(), 1e-12);
        assertArrayEquals(new double[] {0.8, 0.4}, f2.pixelSpacing(), 1e-12);
        assertEquals(3.0, f2.sliceThickness());
        assertEquals(3.5, f2.spacingBetweenSlices(), "top-level value when the macro lacks it");
        assertEquals(1, f2.temporalPositionIdentifier());
        assertEquals(42, f2.acquisitionNumber());
        assertEquals("1", f2.stackId());
        assertEquals(3, f2.inStackPosition());
        assertEquals(7, f2.instanceNumber());
        assertEquals(64, f2.rows());
        assertEquals(32, f2.columns());
        assertEquals("1.2.3.4", f2.seriesInstanceUid());
        assertEquals(f2, SliceExtractor.slices(FILE, enhanced(4)).get(2), "equal by content");
    }

    @Test
    void enhancedFramesSortAlongTheNormalIntoTwoPhasesWhenPositionsRepeat() {
        // Sagittal: normal (-1,0,0); x decreases with the frame index, so frame order is ascending distance.
        Stack st = SliceSorter.sortSeries(SliceExtractor.slices(FILE, enhanced(4))).primary();
        assertEquals(List.of(0, 1, 2, 3), st.slices().stream().map(x -> x.ref().frame()).toList());
        assertEquals(3.5, st.spacing().median(), 1e-9);
        assertEquals(Spacing.Coverage.GAPS, st.spacing().coverage());
    }

    @Test
    void framesBeyondThePerFrameItemsAreNotInvented() {
        Dataset ds = enhanced(3);
        ds.setString(Tag.NumberOfFrames, VR.IS, "1000000");
        assertEquals(3, SliceExtractor.slices(FILE, ds).size());
    }

    @Test
    void legacyMultiFrameGivesEveryFrameTheTopLevelPlane() {
        Dataset ds = new Dataset();
        ds.setString(Tag.NumberOfFrames, VR.IS, "3");
        ds.setString(Tag.ImagePositionPatient, VR.DS, "1", "2", "3");
        ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.TriggerTime, VR.DS, "120.5");
        ds.setString(Tag.EchoNumbers, VR.IS, "2");
        List<SliceInfo> s = SliceExtractor.slices(FILE, ds);
        assertEquals(3, s.size());
        assertEquals(2, s.get(2).ref().frame());
        assertArrayEquals(new double[] {1, 2, 3}, s.get(2).position(), 0);
        assertEquals(120.5, s.get(1).triggerTime());
        assertEquals(2, s.get(0).echoNumber());
    }

    @Test
    void malformedValuesAreAbsentNotErrors() {
        Dataset ds = new Dataset();
        ds.setString(Tag.ImagePositionPatient, VR.DS, "1", "x", "3");
        ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1");
        ds.setString(Tag.InstanceNumber, VR.IS, "seven");
        ds.setString(Tag.PixelSpacing, VR.DS, "0.5");
        SliceInfo s = SliceExtractor.slices(FILE, ds).get(0);
        assertNull(s.position());
        assertNull(s.orientation());
        assertNull(s.instanceNumber());
        assertNull(s.pixelSpacing());
        assertEquals(Measurement.Basis.PIXELS, s.measurement().basis());
    }

    @Test
    void implausibleCoordinatesAreAbsentSoThatDistancesStayFinite() {
        Dataset ds = new Dataset();
        ds.setString(Tag.ImagePositionPatient, VR.DS, "1e300", "0", "0");
        ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.InstanceNumber, VR.IS, "4");
        SliceInfo s = SliceExtractor.slices(FILE, ds).get(0);
        assertNull(s.position());
        assertEquals(SortBasis.INSTANCE_NUMBER, SliceSorter.sortSeries(List.of(s)).primary().basis());
    }
}
