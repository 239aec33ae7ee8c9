package org.pdistation.imaging.render.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdistation.imaging.testing.SharedData;

/** Real multi-file series (pydicom's DICOMDIR test file-set) and enhanced multi-frame files. */
class SeriesLoaderSharedDataTest {
    private static final String SMART_SCORE = "1.3.6.1.4.1.5962.1.1.0.0.0.1194734704.16302.0.6";
    private static final String ROUTINE_BRAIN = "1.3.6.1.4.1.5962.1.1.0.0.0.1196530851.28319.0.2";
    private static final String PILOT = "1.3.6.1.4.1.5962.1.1.0.0.0.1196533885.18148.0.136";
    private static final String CR_LAT = "1.3.6.1.4.1.5962.1.1.0.0.0.1196527414.5534.0.10";

    @Test
    void fileSetFolderGivesSortedSeriesAndReportsNonDicomFiles() throws Exception {
        Path folder = SharedData.require().resolve("dicomdata/dicomdir/pydicom-dicomdirtests");
        SeriesLoader.Result r = new SeriesLoader().loadFolder(folder);

        // The two README files are not DICOM: reported, not fatal. DICOMDIRs have no pixel data: skipped.
        assertEquals(2, r.broken().size(), r.broken().toString());
        assertTrue(r.broken().stream().allMatch(b -> b.path().getFileName().toString().startsWith("README")));
        assertTrue(r.skipped().stream().anyMatch(p -> p.getFileName().toString().equals("DICOMDIR")));

        Stack smart = r.series(SMART_SCORE).geometry().primary();
        assertEquals(SortBasis.POSITION, smart.basis());
        assertEquals(5, smart.size());
        assertEquals(2.5, smart.spacing().median(), 1e-6);
        assertTrue(smart.spacing().uniform());
        assertEquals(Spacing.Coverage.CONTIGUOUS, smart.spacing().coverage());
        double previousZ = Double.NEGATIVE_INFINITY;
        for (SliceInfo s : smart.slices()) {
            assertTrue(s.position()[2] > previousZ, "ascending z along the axial normal");
            previousZ = s.position()[2];
        }

        // Four slices of which the first is 202.5 mm away from the others: a gap, reported.
        Spacing brain = r.series(ROUTINE_BRAIN).geometry().primary().spacing();
        assertEquals(1.25, brain.median(), 1e-6);
        assertEquals(List.of(new Spacing.Gap(0, 202.5)), round(brain.irregular()));

        // Three-plane pilot: three orientations, three stacks.
        SeriesGeometry pilot = r.series(PILOT).geometry();
        assertEquals(3, pilot.stacks().size());
        assertTrue(pilot.hasMixedOrientations());

        // CR: Imager Pixel Spacing only, no plane.
        SeriesGeometry cr = r.series(CR_LAT).geometry();
        assertEquals(SortBasis.INSTANCE_NUMBER, cr.primary().basis());
        Measurement m = cr.primary().slices().get(0).measurement();
        assertEquals(Measurement.Basis.DETECTOR, m.basis());
        assertEquals(0.1, m.rowSpacing(), 1e-9);
    }

    private static List<Spacing.Gap> round(List<Spacing.Gap> gaps) {
        return gaps.stream().map(g -> new Spacing.Gap(g.after(), Math.round(g.distance() * 1000) / 1000.0)).toList();
    }

    @Test
    void enhancedMultiFrameFramesAreSlicesWithPerFramePositions() {
        Path root = SharedData.require().resolve("dicomdata/multiframe");
        SeriesLoader.Result r = new SeriesLoader().load(List.of(
                root.resolve("pydicom-data/eCT_Supplemental.dcm"), root.resolve("fo-dicom/mr_brucker.dcm"),
                root.resolve("fo-dicom/MOVEKNEE.dcm")));
        assertEquals(List.of(), r.broken());
        assertEquals(3, r.series().size());

        Stack ct = byFile(r, "eCT_Supplemental.dcm");
        assertEquals(SortBasis.POSITION, ct.basis());
        // Orientation (-1,0,0)/(0,1,0): normal (0,0,-1), so frame 2 (z = -149) comes before frame 1 (z = -159).
        assertEquals(List.of(1, 0), ct.slices().stream().map(s -> s.ref().frame()).toList());
        assertEquals(10.0, ct.spacing().median(), 1e-6);
        assertEquals(0.388672, ct.slices().get(0).pixelSpacing()[0], 1e-9);
        assertEquals(10.0, ct.sliceThickness(), 1e-9);

        Stack bruker = byFile(r, "mr_brucker.dcm");
        assertEquals(4, bruker.positions());
        assertEquals(1.0, bruker.spacing().median(), 1e-6);

        // One sagittal position, 19 temporal positions (Frame Content Temporal Position Index).
        Stack knee = byFile(r, "MOVEKNEE.dcm");
        assertEquals(1, knee.positions());
        assertEquals(19, knee.phases());
        assertEquals(PhaseKey.TEMPORAL_POSITION, knee.phaseKey());
        for (int k = 0; k < 19; k++) {
            assertNotNull(knee.slices().get(k).temporalPositionIdentifier());
            assertEquals(k + 1, knee.slices().get(k).temporalPositionIdentifier());
        }
    }

    private static Stack byFile(SeriesLoader.Result r, String name) {
        return r.series().stream().map(s -> s.geometry().primary())
                .filter(st -> st.slices().get(0).ref().path().getFileName().toString().equals(name))
                .findFirst().orElseThrow();
    }
}
