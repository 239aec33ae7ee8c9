package org.pdistation.viewer.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.creator.TestFileSets;
import org.pdistation.creator.content.FileSetContent;
import org.pdistation.creator.label.LabelInfo;
import org.pdistation.imaging.data.PersonName;
import org.pdistation.imaging.testing.Peers;

class LabelRendererTest {
    @TempDir
    static Path tmp;
    static LabelInfo japanese;

    @BeforeAll
    static void readFileSet() throws IOException {
        Path root = TestFileSets.mixed(tmp.resolve("set"));
        japanese = LabelInfo.of(FileSetContent.read(root), "St. Mary's Hospital, Radiology",
                LocalDate.of(2026, 11, 20), true);
    }

    /** Where the previews go for a person to look at (target/ is ignored by git). */
    private static Path preview(String name) throws IOException {
        Path dir = Path.of("target", "label-preview");
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    @Test
    void labelInfoComesFromTheFileSetsFirstPatient() {
        assertEquals("\u5c71\u7530", japanese.patientName().ideographic().family());
        assertEquals(1, japanese.studies().size());
        assertEquals(4, japanese.otherPatients());
        assertEquals("DICOM PLUS WEB", japanese.contentMark());
    }

    @Test
    void insertIs120MillimetresAt300DpiAndDrawsTheJapaneseName() throws IOException {
        LabelRenderer.Rendered r = LabelRenderer.render(japanese, LabelRenderer.Layout.INSERT);
        assertEquals(1417, r.image().getWidth());
        assertEquals(1417, r.image().getHeight());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertTrue(r.nameText().startsWith(TestFileSets.JAPANESE_NAME), r.nameText());
        assertTrue(new Font(r.fontName(), Font.PLAIN, 12).canDisplayUpTo(TestFileSets.JAPANESE_NAME) == -1
                || LabelFont.choose(List.of(r.nameText())).complete(), r.fontName());
        double ink = inkShare(r.image());
        assertTrue(ink > 0.02 && ink < 0.6, "ink share " + ink);
        r.writePng(preview("insert.png"));
    }

    @Test
    void japaneseNameCoversMorePixelsThanQuestionMarks() {
        LabelInfo marks = new LabelInfo(PersonName.parse("Yamada^Tarou=??^??"), japanese.patientId(),
                japanese.birthDate(), japanese.studies(), japanese.otherPatients(), japanese.institution(),
                japanese.creationDate(), true);
        // The name line of the insert: 9 mm margin, baseline at 42 mm, 7 mm high.
        int x0 = LabelRenderer.px(9);
        int y0 = LabelRenderer.px(34);
        int y1 = LabelRenderer.px(43);
        BufferedImage a = LabelRenderer.render(japanese, LabelRenderer.Layout.INSERT).image();
        BufferedImage b = LabelRenderer.render(marks, LabelRenderer.Layout.INSERT).image();
        // Only the ideographic part, left of "(Yamada": dense CJK strokes against two pairs of '?'.
        long inkJapanese = dark(a, x0, y0, LabelRenderer.px(38), y1);
        long inkMarks = dark(b, x0, y0, LabelRenderer.px(38), y1);
        assertTrue(inkJapanese > inkMarks * 1.3, inkJapanese + " vs " + inkMarks);
    }

    @Test
    void nameNoFontCanDisplayFallsBackToAlphabeticAndSaysSo() {
        // U+E000 is a private use character no shipped font maps.
        LabelInfo odd = new LabelInfo(PersonName.parse("Doe^Jane=\uE000\uE001"), "X1", null, List.of(), 0, "",
                LocalDate.of(2026, 11, 20), false);
        LabelRenderer.Rendered r = LabelRenderer.render(odd, LabelRenderer.Layout.INSERT);
        assertEquals("Doe, Jane", r.nameText());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void discLabelLeavesTheHubBlankAndTheCornersWhite() throws IOException {
        LabelRenderer.Rendered r = LabelRenderer.render(japanese, LabelRenderer.Layout.DISC);
        BufferedImage img = r.image();
        assertEquals(1417, img.getWidth());
        int c = img.getWidth() / 2;
        assertEquals(0xFFFFFF, img.getRGB(c, c) & 0xFFFFFF, "centre hole area");
        assertEquals(0xFFFFFF, img.getRGB(3, 3) & 0xFFFFFF, "corner outside the disc");
        int hub = LabelRenderer.px(17);
        assertEquals(0, dark(img, c - hub + 10, c - 20, c + hub - 10, c + 20), "text in the hub area");
        assertTrue(inkShare(img) > 0.02);
        r.writePng(preview("disc.png"));
    }

    @Test
    void pdfIsOnePageOfTheLabelSize() throws IOException {
        Path pdfinfo = Peers.require("pdfinfo");
        Path pdf = tmp.resolve("label.pdf");
        LabelRenderer.render(japanese, LabelRenderer.Layout.INSERT).writePdf(pdf);
        Peers.Result info = Peers.run(Duration.ofSeconds(30), pdfinfo.toString(), pdf.toString()).requireSuccess();
        assertTrue(info.stdout().matches("(?s).*Pages:\\s+1\n.*"), info.stdout());
        assertTrue(info.stdout().matches("(?s).*Page size:\\s+340\\.15[78] x 340\\.15[78] pts.*"), info.stdout());
        assertTrue(info.stderr().isBlank(), info.stderr());
        Path pdftoppm = Peers.require("pdftoppm");
        Peers.run(Duration.ofSeconds(60), pdftoppm.toString(), "-r", "50", "-png", "-singlefile", pdf.toString(),
                tmp.resolve("page").toString()).requireSuccess();
        BufferedImage page = javax.imageio.ImageIO.read(tmp.resolve("page.png").toFile());
        assertTrue(Math.abs(page.getWidth() - 236) <= 1, "width " + page.getWidth()); // 120 mm at 50 dpi
        assertTrue(inkShare(page) > 0.02, "the PDF page is blank");
    }

    private static long dark(BufferedImage img, int x0, int y0, int x1, int y1) {
        long n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                if (lum < 128) n++;
            }
        }
        return n;
    }

    private static double inkShare(BufferedImage img) {
        long nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) nonWhite++;
            }
        }
        return nonWhite / (double) ((img.getHeight() + 1) / 2 * ((img.getWidth() + 1) / 2));
    }
}
