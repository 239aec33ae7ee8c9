package org.pdistation.viewer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.WriteOptions;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** The series shown first when a medium opens has pixels; a series without them stays listed but is not it. */
class FirstSeriesTest {
    @TempDir
    Path dir;

    @Test
    void anImageSeriesWhoseFilesLackPixelDataIsPassedOver() throws Exception {
        List<Path> ct = new SyntheticCtStudy(16, 2, 3).write(dir.resolve("ct"), 2);
        Path noPixels = rewritten(ct.get(0), dir.resolve("nopixels.dcm"), ds -> ds.remove(Tag.PixelData));
        SeriesEntry empty = new SeriesEntry("1.2.3", "1", "CT", "", List.of(noPixels)); // the medium says "maybe"
        SeriesEntry images = new SeriesEntry("1.2.4", "2", "CT", "", ct);
        assertFalse(FirstSeries.hasPixels(noPixels));
        assertTrue(FirstSeries.hasPixels(ct.get(1)));
        assertEquals(images, FirstSeries.choose(List.of(empty, images)));
    }

    @Test
    void theSearchStopsAfterABoundedNumberOfHeaderReads() throws Exception {
        List<Path> ct = new SyntheticCtStudy(16, 1, 6).write(dir.resolve("ct"), 1);
        Path noPixels = rewritten(ct.get(0), dir.resolve("nopixels.dcm"), ds -> ds.remove(Tag.PixelData));
        // More pixel-less series than the read budget allows, the image series after them: on a slow disc the
        // viewer shows the first series rather than read thousands of headers first.
        List<SeriesEntry> all = new java.util.ArrayList<>();
        for (int i = 0; i < FirstSeries.FILES_IN_ALL + 1; i++) {
            all.add(new SeriesEntry("1.2.9." + i, String.valueOf(i), "CT", "", List.of(noPixels)));
        }
        all.add(new SeriesEntry("1.2.10", "99", "CT", "", ct));
        assertEquals(all.get(0), FirstSeries.choose(all));
        // Within the budget the image series is found.
        assertEquals(all.get(all.size() - 1), FirstSeries.choose(all.subList(FirstSeries.FILES_IN_ALL - 1,
                all.size())));
    }

    @Test
    void anImageRecordPointingAtAReportIsPassedOver() throws Exception {
        List<Path> ct = new SyntheticCtStudy(16, 1, 4).write(dir.resolve("ct"), 1);
        // A structured report (PS3.4 B.5, Basic Text SR) under a record the medium calls IMAGE: no class given.
        Path sr = rewritten(ct.get(0), dir.resolve("sr.dcm"), ds -> {
            ds.remove(Tag.PixelData);
            ds.remove(Tag.Rows);
            ds.remove(Tag.Columns);
            ds.setString(Tag.SOPClassUID, VR.UI, UID.BasicTextSRStorage);
            ds.setString(Tag.Modality, VR.CS, "SR");
        });
        SeriesEntry report = new SeriesEntry("1.2.5", "1", "SR", "", List.of(sr));
        SeriesEntry images = new SeriesEntry("1.2.6", "2", "CT", "", ct);
        assertEquals(images, FirstSeries.choose(List.of(report, images)));
    }

    @Test
    void withoutAnySeriesWithPixelsTheFirstIsShownAndNoneWithoutSeries() throws Exception {
        List<Path> ct = new SyntheticCtStudy(16, 1, 5).write(dir.resolve("ct"), 1);
        Path noPixels = rewritten(ct.get(0), dir.resolve("nopixels.dcm"), ds -> ds.remove(Tag.PixelData));
        SeriesEntry a = new SeriesEntry("1.2.7", "1", "CT", "", List.of(noPixels));
        SeriesEntry b = new SeriesEntry("1.2.8", "2", "CT", "", List.of(dir.resolve("not-there.dcm")));
        assertEquals(a, FirstSeries.choose(List.of(a, b)));
        assertNull(FirstSeries.choose(List.of()));
    }

    @Test
    void aGoodFirstSeriesIsChosenAsBefore() throws Exception {
        List<Path> ct = new SyntheticCtStudy(16, 2, 6).write(dir.resolve("ct"), 2);
        SeriesEntry first = new SeriesEntry("1.2.9", "1", "CT", "", ct);
        SeriesEntry second = new SeriesEntry("1.2.10", "2", "CT", "", ct);
        assertEquals(first, FirstSeries.choose(List.of(first, second)));
    }

    private static Path rewritten(Path from, Path to, java.util.function.Consumer<Dataset> change) throws Exception {
        DicomFile df = DicomReader.read(from, ReadOptions.IN_MEMORY);
        Dataset ds = df.dataset();
        change.accept(ds);
        DicomWriter.write(to, df.fileMeta(), ds, df.transferSyntax(), WriteOptions.DEFAULT);
        return to;
    }
}
