package org.pdistation.imaging.render.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdistation.imaging.render.series.Slices.AXIAL;
import static org.pdistation.imaging.render.series.Slices.CORONAL;
import static org.pdistation.imaging.render.series.Slices.SAGITTAL;
import static org.pdistation.imaging.render.series.Slices.name;
import static org.pdistation.imaging.render.series.Slices.slice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SliceSorterTest {

    private static List<String> names(List<SliceInfo> slices) {
        return slices.stream().map(Slices::name).toList();
    }

    /** n axial slices named s0..s(n-1) at z = z0 + k * step, instance numbers k + 1. */
    private static List<SliceInfo> axial(int n, double z0, double step) {
        List<SliceInfo> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(slice("s" + k, new double[] {-100, -120, z0 + k * step}, AXIAL, k + 1));
        }
        return out;
    }

    @Test
    void axialSlicesGivenInReverseSortAscendingAlongTheNormal() {
        List<SliceInfo> in = new ArrayList<>(axial(10, -50, 2.5));
        Collections.reverse(in);
        Stack st = SliceSorter.sortSeries(in).primary();
        assertEquals(SortBasis.POSITION, st.basis());
        assertEquals(List.of("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9"), names(st.slices()));
        assertEquals(0, st.normal()[0], 1e-12);
        assertEquals(1, st.normal()[2], 1e-12);
        assertEquals(2.5, st.spacing().median(), 1e-9);
        assertTrue(st.spacing().uniform());
        assertEquals(Spacing.Coverage.CONTIGUOUS, st.spacing().coverage());
        assertEquals(1, st.phases());
        assertEquals(PhaseKey.NONE, st.phaseKey());
        assertEquals(10, st.positions());
    }

    @Test
    void shuffledSlicesSortTheSameWhateverTheInputOrder() {
        List<SliceInfo> expected = axial(40, 12.3, -1.25);
        Random r = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<SliceInfo> in = new ArrayList<>(expected);
            Collections.shuffle(in, r);
            Stack st = SliceSorter.sortSeries(in).primary();
            // Negative step: ascending z is s39..s0.
            assertEquals("s39", name(st.slices().get(0)));
            assertEquals("s0", name(st.slices().get(39)));
            assertEquals(1.25, st.spacing().median(), 1e-9);
        }
    }

    @Test
    void sagittalSortsAlongMinusXBecauseTheNormalIsRowCrossColumn() {
        // row (0,1,0) × column (0,0,-1) = (-1,0,0): ascending distance is descending x.
        List<SliceInfo> in = List.of(
                slice("x10", new double[] {10, -100, 100}, SAGITTAL, 3),
                slice("x-10", new double[] {-10, -100, 100}, SAGITTAL, 1),
                slice("x0", new double[] {0, -100, 100}, SAGITTAL, 2));
        Stack st = SliceSorter.sortSeries(in).primary();
        assertEquals(List.of("x10", "x0", "x-10"), names(st.slices()));
        assertEquals(-1, st.normal()[0], 1e-12);
        assertEquals(10, st.spacing().median(), 1e-9);
    }

    @Test
    void coronalSortsAlongPlusY() {
        // row (1,0,0) × column (0,0,-1) = (0,1,0).
        List<SliceInfo> in = List.of(
                slice("y5", new double[] {-100, 5, 100}, CORONAL, 1),
                slice("y-5", new double[] {-100, -5, 100}, CORONAL, 2),
                slice("y0", new double[] {-100, 0, 100}, CORONAL, 3));
        Stack st = SliceSorter.sortSeries(in).primary();
        assertEquals(List.of("y-5", "y0", "y5"), names(st.slices()));
        assertEquals(5, st.spacing().median(), 1e-9);
    }

    @Test
    void obliqueSlicesSortByProjectionNotByAnySingleCoordinate() {
        double a = Math.toRadians(30);
        double[] ori = {Math.cos(a), Math.sin(a), 0, 0, 0, -1};
        double[] n = SliceSorter.normal(SliceSorter.unitRowColumn(ori));
        List<SliceInfo> in = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            // In-plane offsets that change x and z a lot must not affect the order.
            double inPlane = (k % 2 == 0 ? 40 : -40);
            double[] p = {
                k * 3 * n[0] + inPlane * ori[0], k * 3 * n[1] + inPlane * ori[1], k * 3 * n[2] + 7 * k * (k % 3)};
            in.add(slice("o" + k, p, ori, 6 - k));
        }
        Collections.shuffle(in, new Random(3));
        Stack st = SliceSorter.sortSeries(in).primary();
        assertEquals(SortBasis.POSITION, st.basis());
        assertEquals(List.of("o0", "o1", "o2", "o3", "o4", "o5"), names(st.slices()));
        assertEquals(3, st.spacing().median(), 1e-9);
        assertTrue(st.spacing().uniform());
    }

    @Test
    void missingPositionsFallBackToInstanceNumber() {
        List<SliceInfo> in = List.of(
                slice("i3", new double[] {0, 0, 1}, AXIAL, 3),
                slice("i1", null, AXIAL, 1),
                slice("i2", new double[] {0, 0, 9}, AXIAL, 2));
        Stack st = SliceSorter.sortSeries(in).primary();
        assertEquals(SortBasis.INSTANCE_NUMBER, st.basis());
        assertEquals(List.of("i1", "i2", "i3"), names(st.slices()));
        assertNull(st.spacing());
    }

    @Test
    void noPositionAndNoInstanceNumberKeepsFileOrder() {
        List<SliceInfo> in = List.of(
                slice("c", null, null, null), slice("a", null, null, 5), slice("b", null, null, null));
        Stack st = SliceSorter.sortSeries(in).primary();
        assertEquals(SortBasis.FILE_ORDER, st.basis());
        assertEquals(List.of("c", "a", "b"), names(st.slices()));
    }

    @Test
    void degenerateOrientationIsTreatedAsMissing() {
        double[] parallel = {1, 0, 0, 1, 0, 0};
        List<SliceInfo> in = List.of(
                slice("b", new double[] {0, 0, 1}, parallel, 2), slice("a", new double[] {0, 0, 2}, parallel, 1));
        Stack st = SliceSorter.sortSeries(in).primary();
        assertEquals(SortBasis.INSTANCE_NUMBER, st.basis());
        assertNull(st.orientation());
        assertEquals(List.of("a", "b"), names(st.slices()));
    }

    @Test
    void duplicatedPositionsAreTwoPhasesOrderedByTemporalPosition() {
        List<SliceInfo> in = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            for (int t = 2; t >= 1; t--) {
                // Phase 2 first in the input, tiny position noise within the tolerance.
                in.add(Slices.of("z" + k + "t" + t, new double[] {0, 0, k * 4 + (t == 2 ? 0.001 : 0)}, AXIAL,
                        100 - k * 2 - t, t, null, 4.0));
            }
        }
        Collections.shuffle(in, new Random(11));
        Stack st = SliceSorter.sortSeries(in).primary();
        assertEquals(2, st.phases());
        assertEquals(PhaseKey.TEMPORAL_POSITION, st.phaseKey());
        assertTrue(st.isMultiPhase());
        assertTrue(st.phasesComplete());
        assertEquals(5, st.positions());
        assertEquals(List.of("z0t1", "z1t1", "z2t1", "z3t1", "z4t1"), names(st.phase(0)));
        assertEquals(List.of("z0t2", "z1t2", "z2t2", "z3t2", "z4t2"), names(st.phase(1)));
        assertEquals("z0t1", name(st.slices().get(0)));
        assertEquals("z0t2", name(st.slices().get(1)));
        assertEquals(4, st.spacing().median(), 1e-9);
        assertTrue(st.spacing().uniform());
    }

    @Test
    void phasesWithoutTemporalPositionAreOrderedByTriggerTime() {
        List<SliceInfo> in = List.of(
                Slices.of("late", new double[] {0, 0, 0}, AXIAL, 1, null, 500.0, null),
                Slices.of("early", new double[] {0, 0, 0}, AXIAL, 2, null, 20.0, null));
        Stack st = SliceSorter.sortSeries(in).primary();
        assertEquals(List.of("early", "late"), names(st.slices()));
        assertEquals(2, st.phases());
        assertEquals(PhaseKey.TRIGGER_TIME, st.phaseKey());
        assertNull(st.spacing());
    }

    @Test
    void identicalSlicesAtOnePositionHaveNoPhaseKey() {
        List<SliceInfo> in = List.of(slice("a", new double[] {0, 0, 0}, AXIAL, 1),
                slice("b", new double[] {0, 0, 0}, AXIAL, 1));
        Stack st = SliceSorter.sortSeries(in).primary();
        assertEquals(PhaseKey.UNKNOWN, st.phaseKey());
        assertEquals(List.of("a", "b"), names(st.slices()), "input order as the last resort");
    }

    @Test
    void scoutMixedInIsReportedAsASecondStack() {
        List<SliceInfo> in = new ArrayList<>(axial(20, 0, 5));
        in.add(3, slice("scout", new double[] {0, -250, 200}, CORONAL, 0));
        SeriesGeometry g = SliceSorter.sortSeries(in);
        assertTrue(g.hasMixedOrientations());
        assertEquals(2, g.stacks().size());
        assertEquals(20, g.primary().size());
        assertFalse(names(g.primary().slices()).contains("scout"));
        assertEquals(List.of("scout"), names(g.stacks().get(1).slices()));
        assertTrue(g.primary().spacing().uniform());
        assertEquals(21, g.size());
    }

    @Test
    void orientationNoiseWithinToleranceStaysOneStack() {
        List<SliceInfo> in = new ArrayList<>(axial(5, 0, 2));
        double e = Math.sin(Math.toRadians(0.3));
        in.add(slice("tilted", new double[] {0, 0, 10}, new double[] {1, e, 0, -e, 1, 0}, 6));
        assertEquals(1, SliceSorter.sortSeries(in).stacks().size());
    }

    @Test
    void nonUniformGapsAreReportedWithTheirPlace() {
        // 0, 2, 4, 6, [8 missing], 10, 12: one gap of 4 after position index 3.
        List<SliceInfo> in = new ArrayList<>();
        double[] zs = {0, 2, 4, 6, 10, 12};
        for (int k = 0; k < zs.length; k++) in.add(slice("z" + zs[k], new double[] {0, 0, zs[k]}, AXIAL, k + 1));
        Spacing sp = SliceSorter.sortSeries(in).primary().spacing();
        assertNotNull(sp);
        assertFalse(sp.uniform());
        assertEquals(2, sp.median(), 1e-9);
        assertEquals(List.of(new Spacing.Gap(3, 4.0)), sp.irregular());
        assertEquals(2, sp.min(), 1e-9);
        assertEquals(4, sp.max(), 1e-9);
    }

    @Test
    void spacingSmallerThanThicknessIsOverlappingAndLargerIsGaps() {
        List<SliceInfo> overlap = new ArrayList<>();
        List<SliceInfo> gaps = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            overlap.add(Slices.of("o" + k, new double[] {0, 0, k * 2.5}, AXIAL, k, null, null, 5.0));
            gaps.add(Slices.of("g" + k, new double[] {0, 0, k * 6.0}, AXIAL, k, null, null, 5.0));
        }
        assertEquals(Spacing.Coverage.OVERLAPPING, SliceSorter.sortSeries(overlap).primary().spacing().coverage());
        Stack g = SliceSorter.sortSeries(gaps).primary();
        assertEquals(Spacing.Coverage.GAPS, g.spacing().coverage());
        assertEquals(5.0, g.sliceThickness(), 1e-9);
    }

    @Test
    void emptySeriesHasNoPrimaryStack() {
        SeriesGeometry g = SliceSorter.sortSeries(List.of());
        assertNull(g.primary());
        assertEquals(0, g.size());
    }
}
