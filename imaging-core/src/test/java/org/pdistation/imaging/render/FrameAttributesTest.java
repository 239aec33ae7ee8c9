package org.pdistation.imaging.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

/** Functional group resolution (PS3.3 C.7.6.16) on a synthetic enhanced CT of three frames. */
class FrameAttributesTest {
    private static Dataset enhanced() {
        Dataset ds = new Dataset();
        ds.setString(Tag.NumberOfFrames, VR.IS, "3");
        Dataset shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence, 1).addItem();
        Dataset pvt = shared.newSequence(Tag.PixelValueTransformationSequence, 1).addItem();
        pvt.setString(Tag.RescaleIntercept, VR.DS, "-1024");
        pvt.setString(Tag.RescaleSlope, VR.DS, "1");
        pvt.setString(Tag.RescaleType, VR.LO, "HU");
        Dataset measures = shared.newSequence(Tag.PixelMeasuresSequence, 1).addItem();
        measures.setString(Tag.PixelSpacing, VR.DS, "0.5", "0.6");
        measures.setString(Tag.SliceThickness, VR.DS, "1.25");
        Dataset orient = shared.newSequence(Tag.PlaneOrientationSequence, 1).addItem();
        orient.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        Dataset voi = shared.newSequence(Tag.FrameVOILUTSequence, 1).addItem();
        voi.setString(Tag.WindowCenter, VR.DS, "40");
        voi.setString(Tag.WindowWidth, VR.DS, "400");

        Sequence perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence, 3);
        for (int i = 0; i < 3; i++) {
            Dataset item = perFrame.addItem();
            Dataset pos = item.newSequence(Tag.PlanePositionSequence, 1).addItem();
            pos.setString(Tag.ImagePositionPatient, VR.DS, "-100", "-120", Integer.toString(10 * i));
        }
        // frame 3 overrides the shared window and rescale
        Dataset v3 = perFrame.get(2).newSequence(Tag.FrameVOILUTSequence, 1).addItem();
        v3.setString(Tag.WindowCenter, VR.DS, "300", "-600");
        v3.setString(Tag.WindowWidth, VR.DS, "1500", "1600");
        v3.setString(Tag.WindowCenterWidthExplanation, VR.LO, "BONE", "LUNG");
        v3.setString(Tag.VOILUTFunction, VR.CS, "LINEAR_EXACT");
        Dataset p3 = perFrame.get(2).newSequence(Tag.PixelValueTransformationSequence, 1).addItem();
        p3.setString(Tag.RescaleIntercept, VR.DS, "-1000");
        p3.setString(Tag.RescaleSlope, VR.DS, "2");
        return ds;
    }

    @Test
    void sharedGroupsApplyToEveryFrame() {
        FrameAttributes a = FrameAttributes.of(enhanced(), 1);
        assertEquals(new ModalityLut.Rescale(1, -1024, "HU"), a.rescale());
        assertEquals(List.of(new Voi.Window(40, 400)), a.windows());
        assertArrayEquals(new double[] {0.5, 0.6}, a.pixelSpacing());
        assertEquals(1.25, a.sliceThickness());
        assertArrayEquals(new double[] {-100, -120, 10}, a.position());
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, a.orientation());
    }

    @Test
    void perFrameGroupsOverrideTheSharedOnes() {
        FrameAttributes a = FrameAttributes.of(enhanced(), 2);
        assertEquals(new ModalityLut.Rescale(2, -1000, null), a.rescale());
        assertEquals(List.of(new Voi.Window(300, 1500, Voi.Function.LINEAR_EXACT, "BONE"),
                new Voi.Window(-600, 1600, Voi.Function.LINEAR_EXACT, "LUNG")), a.windows());
        assertArrayEquals(new double[] {-100, -120, 20}, a.position());
        assertArrayEquals(new double[] {0.5, 0.6}, a.pixelSpacing());
    }

    @Test
    void classicImagesUseTheTopLevelAttributes() {
        Dataset ds = new Dataset();
        ds.setString(Tag.RescaleIntercept, VR.DS, "-1024");
        ds.setString(Tag.PixelSpacing, VR.DS, "0.7", "0.7");
        ds.setString(Tag.ImagePositionPatient, VR.DS, "1", "2", "3");
        ds.setString(Tag.WindowCenter, VR.DS, "50", "60");
        ds.setString(Tag.WindowWidth, VR.DS, "0", "350"); // width 0 is invalid and skipped
        FrameAttributes a = FrameAttributes.of(ds, 0);
        assertEquals(new ModalityLut.Rescale(1, -1024, null), a.rescale());
        assertEquals(List.of(new Voi.Window(60, 350)), a.windows());
        assertArrayEquals(new double[] {1, 2, 3}, a.position());
        assertNull(a.orientation());
        assertTrue(Double.isNaN(a.sliceThickness()));
    }
}
