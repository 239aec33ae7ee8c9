package org.pdistation.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.view.ImageProblem;
import org.pdistation.viewer.view.Viewport;

/** A medium whose first series is a report, and instances without pixels: the viewer says so in words. */
@ExtendWith(ApplicationExtension.class)
class NoImageSeriesTest {
    @TempDir
    static Path home;
    @TempDir
    static Path disc;
    static Path report;
    static Path noPixels;

    private MainWindow window;

    @BeforeAll
    static void writeMedium() throws Exception {
        List<Path> ct = new SyntheticCtStudy(64, 3, 11).write(disc, 3);
        Dataset h = DicomReader.read(ct.get(0), ReadOptions.HEADER_ONLY).dataset();
        // A Basic Text SR (PS3.3 A.35.1) in the same study, in a folder that sorts before the CT series.
        Dataset sr = new Dataset(false, 16);
        sr.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.88.11");
        sr.setString(Tag.SOPInstanceUID, VR.UI, h.getString(Tag.StudyInstanceUID, "") + ".77.1");
        sr.setString(Tag.Modality, VR.CS, "SR");
        sr.setString(Tag.PatientName, VR.PN, h.getString(Tag.PatientName, ""));
        sr.setString(Tag.PatientID, VR.LO, h.getString(Tag.PatientID, ""));
        sr.setString(Tag.StudyInstanceUID, VR.UI, h.getString(Tag.StudyInstanceUID, ""));
        sr.setString(Tag.StudyDate, VR.DA, "20260101");
        sr.setString(Tag.SeriesInstanceUID, VR.UI, h.getString(Tag.StudyInstanceUID, "") + ".77");
        sr.setString(Tag.SeriesNumber, VR.IS, "0");
        report = disc.resolve("DICOM").resolve("ST000001").resolve("SE000000").resolve("IM000001");
        DicomWriter.write(report, null, sr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        // A CT header with Rows/Columns but its Pixel Data left out, outside the medium.
        Dataset bare = DicomReader.read(ct.get(1), ReadOptions.IN_MEMORY).dataset();
        bare.remove(Tag.PixelData);
        noPixels = home.resolve("elsewhere").resolve("a-rather-long-folder-name-on-the-disc").resolve("CT0002.dcm");
        Files.createDirectories(noPixels.getParent());
        DicomWriter.write(noPixels, null, bare, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
    }

    @Start
    void start(Stage stage) {
        window = StationFixture.show(stage, home);
    }

    @Test
    void theFirstSeriesShownIsOneWithImagesNotTheReport() throws Exception {
        StationFixture.openAndWait(window, disc);
        List<org.pdistation.viewer.model.SeriesEntry> all = window.shownContent().allSeries();
        assertEquals("SR", all.get(0).modality(), "the report is the medium's first series");
        assertFalse(all.get(0).mayBeImage());
        Viewport v = window.viewer().viewports().get(0);
        assertEquals("CT", v.series().modality());
        assertEquals(3, v.countProperty().get());
        assertNotNull(v.image());
        assertEquals(null, v.problem());
    }

    @Test
    void aReportOpenedAloneSaysItHasNoImageWithItsFileName() throws Exception {
        StationFixture.openAndWait(window, report);
        Viewport v = window.viewer().viewports().get(0);
        StationFixture.waitFor(() -> v.problem() != null);
        assertEquals(ImageProblem.Kind.NO_IMAGE, v.problem().kind());
        String text = StationFixture.fx(() -> v.messageLabel().getText());
        assertEquals("This instance has no image (e.g. a report or a presentation state): IM000001", text);
    }

    @Test
    void anImageWithoutPixelDataIsASentenceAndTheTechnicalTextIsTheTooltip() throws Exception {
        StationFixture.openAndWait(window, noPixels);
        Viewport v = window.viewer().viewports().get(0);
        StationFixture.waitFor(() -> v.problem() != null);
        assertEquals(ImageProblem.Kind.NO_IMAGE, v.problem().kind());
        String text = StationFixture.fx(() -> v.messageLabel().getText());
        assertEquals("This instance has no image (e.g. a report or a presentation state): CT0002.dcm", text);
        assertFalse(text.contains(noPixels.getParent().toString()), "no long path in the viewport");
        String details = StationFixture.fx(() -> v.problemTooltip().getText());
        assertTrue(details.contains("no pixel data") && details.contains(noPixels.toString()), details);
    }

    @Test
    void theNoImageSentenceIsTranslated() {
        ImageProblem p = new ImageProblem(ImageProblem.Kind.NO_IMAGE, Path.of("/media/cd/DICOM/SR1"), "x");
        assertEquals("このインスタンスには画像がありません(レポートやプレゼンテーションステートなど): SR1",
                p.sentence(new Messages(Locale.JAPANESE)));
    }
}
