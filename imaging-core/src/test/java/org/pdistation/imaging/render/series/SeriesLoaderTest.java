package org.pdistation.imaging.render.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.synth.SyntheticCtStudy;

class SeriesLoaderTest {
    @TempDir
    Path root;

    @Test
    void shuffledFilesOfTwoSeriesAreGroupedAndSortedByPosition() throws Exception {
        List<Path> files = new ArrayList<>(new SyntheticCtStudy(16, 6, 5).write(root, 12));
        Collections.shuffle(files, new Random(1));
        SeriesLoader.Result r = new SeriesLoader().load(files);
        assertEquals(2, r.series().size());
        assertEquals(List.of(1, 2), r.series().stream().map(SeriesLoader.LoadedSeries::seriesNumber).toList());
        for (SeriesLoader.LoadedSeries s : r.series()) {
            assertEquals("CT", s.modality());
            Stack st = s.geometry().primary();
            assertEquals(1, s.geometry().stacks().size());
            assertEquals(SortBasis.POSITION, st.basis());
            // The synthetic study puts instance k at z = -1.25 k: ascending z is descending instance number.
            assertEquals(List.of(6, 5, 4, 3, 2, 1), st.slices().stream().map(SliceInfo::instanceNumber).toList());
            assertEquals(1.25, st.spacing().median(), 1e-9);
            assertEquals(Spacing.Coverage.CONTIGUOUS, st.spacing().coverage());
            assertEquals(Measurement.Basis.PATIENT, st.slices().get(0).measurement().basis());
        }
    }

    @Test
    void brokenFilesAreReportedAndTheRestLoads() throws Exception {
        List<Path> files = new ArrayList<>(new SyntheticCtStudy(16, 4, 9).write(root, 4));
        Path garbage = root.resolve("garbage.dcm");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Path truncated = root.resolve("truncated.dcm");
        byte[] whole = Files.readAllBytes(files.get(0));
        Files.write(truncated, java.util.Arrays.copyOf(whole, 200));
        Path missing = root.resolve("missing.dcm");
        files.add(garbage);
        files.add(truncated);
        files.add(missing);
        SeriesLoader.Result r = new SeriesLoader().load(files);
        assertEquals(1, r.series().size());
        assertEquals(4, r.series().get(0).geometry().size());
        List<Path> broken = r.broken().stream().map(SeriesLoader.BrokenFile::path).toList();
        assertTrue(broken.contains(garbage), r.broken().toString());
        assertTrue(broken.contains(missing), r.broken().toString());
        // A header cut at 200 bytes has no Rows: either broken or skipped, never in a series.
        assertTrue(broken.contains(truncated) || r.skipped().contains(truncated));
    }

    @Test
    void folderIsWalkedRecursively() throws Exception {
        new SyntheticCtStudy(8, 3, 2).write(root, 3);
        SeriesLoader.Result r = new SeriesLoader().loadFolder(root);
        assertEquals(1, r.series().size());
        assertEquals(3, r.series().get(0).geometry().primary().positions());
    }
}
