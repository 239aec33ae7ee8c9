package org.pdistation.imaging.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.testing.Peers;

class PdfWriterTest {
    @TempDir
    Path tmp;

    /** A 60×40 RGB raster: left half red, right half blue. */
    private static PdfPage.Raster halves() {
        int w = 60;
        int h = 40;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                if (x < w / 2) {
                    rgb[o] = (byte) 255;
                } else {
                    rgb[o + 2] = (byte) 255;
                }
            }
        }
        return PdfPage.Raster.rgb(w, h, rgb);
    }

    private static List<PdfPage> twoPages() {
        PdfPage label = PdfPage.ofRaster(120, 120, halves());
        PdfPage report = new PdfPage(210, 297, List.of(new PdfPage.Image(halves(), 20, 20, 60, 40)), List.of(
                new PdfPage.TextLine("Import report (page 2)", 20, 80, 16, true),
                new PdfPage.TextLine("Yamada\\Tarou (ok) caf\u00e9 \u20ac 5 \u5c71\u7530", 20, 90, 10, false)));
        return List.of(label, report);
    }

    @Test
    void xrefEntriesPointAtTheirObjectsAndTrailerAtTheTable() {
        byte[] pdf = PdfWriter.toBytes(twoPages());
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(s.startsWith("%PDF-1.4\n"));
        assertTrue(s.endsWith("%%EOF\n"));
        Matcher m = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(s);
        assertTrue(m.find(), "startxref missing");
        int xref = Integer.parseInt(m.group(1));
        assertTrue(s.startsWith("xref\n0 ", xref), "startxref does not point at the xref keyword");
        int lineEnd = s.indexOf('\n', xref + 5);
        int count = Integer.parseInt(s.substring(xref + 7, lineEnd));
        // 4 shared objects + page 1 (page, content, 1 image) + page 2 (page, content, 1 image), plus entry 0
        assertEquals(4 + 3 + 3 + 1, count);
        int entries = lineEnd + 1;
        assertEquals("0000000000 65535 f\r\n", s.substring(entries, entries + 20));
        for (int n = 1; n < count; n++) {
            String entry = s.substring(entries + 20 * n, entries + 20 * n + 20);
            assertTrue(entry.matches("\\d{10} 00000 n\r\n"), "entry " + n + ": " + entry);
            int off = Integer.parseInt(entry.substring(0, 10));
            assertTrue(s.startsWith(n + " 0 obj\n", off), "object " + n + " not at " + off);
        }
        assertTrue(s.contains("/Size " + count + " /Root 1 0 R"));
    }

    @Test
    void streamLengthsMatchAndContentInflates() throws Exception {
        byte[] pdf = PdfWriter.toBytes(twoPages());
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("/Length (\\d+) >>\nstream\n").matcher(s);
        int streams = 0;
        boolean sawText = false;
        while (m.find()) {
            int len = Integer.parseInt(m.group(1));
            assertTrue(s.startsWith("\nendstream\n", m.end() + len), "Length of stream " + streams + " is wrong");
            Inflater inf = new Inflater();
            inf.setInput(pdf, m.end(), len);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && inf.needsInput()) break;
                out.write(buf, 0, n);
            }
            assertTrue(inf.finished(), "stream " + streams + " is not a complete zlib stream");
            inf.end();
            String content = out.toString(StandardCharsets.ISO_8859_1);
            if (content.contains("Tj")) {
                sawText = true;
                // backslash and parentheses escaped, e-acute and euro in WinAnsi, CJK replaced by '?'
                assertTrue(content.contains("(Yamada\\\\Tarou \\(ok\\) caf\u00e9 \u0080 5 ??) Tj"), content);
            }
            streams++;
        }
        assertEquals(4, streams);
        assertTrue(sawText);
    }

    @Test
    void numbersHaveNoExponentAndNoTrailingZeros() {
        assertEquals("340.1575", PdfWriter.num(120 * 72 / 25.4));
        assertEquals("0", PdfWriter.num(-0.00001));
        assertEquals("1000000", PdfWriter.num(1e6));
        assertEquals("0.5", PdfWriter.num(0.5));
    }

    @Test
    void popplerReadsPageCountSizesTextAndPixels() throws IOException {
        Path pdfinfo = Peers.require("pdfinfo");
        Path pdftoppm = Peers.require("pdftoppm");
        Path pdftotext = Peers.require("pdftotext");
        Path file = tmp.resolve("doc.pdf");
        PdfWriter.write(file, twoPages());

        Peers.Result info = Peers.run(Duration.ofSeconds(30), pdfinfo.toString(), "-f", "1", "-l", "2",
                file.toString()).requireSuccess();
        String out = info.stdout();
        assertTrue(out.matches("(?s).*Pages:\\s+2\n.*"), out);
        assertTrue(out.matches("(?s).*PDF version:\\s+1\\.4\n.*"), out);
        // 120 mm = 340.1575 pt; A4 = 595.276 x 841.89 pt
        assertTrue(out.matches("(?s).*Page\\s+1 size:\\s+340\\.15[78] x 340\\.15[78] pts\n.*"), out);
        assertTrue(out.matches("(?s).*Page\\s+2 size:\\s+595\\.276 x 841\\.89 pts \\(A4\\).*"), out);
        assertTrue(info.stderr().isBlank(), "poppler complained: " + info.stderr());

        Peers.Result text = Peers.run(Duration.ofSeconds(30), pdftotext.toString(), "-f", "2", "-l", "2",
                file.toString(), "-").requireSuccess();
        assertTrue(text.stdout().contains("Import report (page 2)"), text.stdout());

        // Page 1 rendered at 25.4 dpi: 1 pixel per mm, so 120x120; left half red, right half blue.
        Peers.run(Duration.ofSeconds(30), pdftoppm.toString(), "-f", "1", "-l", "1", "-r", "25.4", "-singlefile",
                file.toString(), tmp.resolve("p1").toString()).requireSuccess();
        byte[] ppm = Files.readAllBytes(tmp.resolve("p1.ppm"));
        String head = new String(ppm, 0, 20, StandardCharsets.ISO_8859_1);
        Matcher hm = Pattern.compile("^P6\\s+(\\d+)\\s+(\\d+)\\s+255\\s").matcher(head);
        assertTrue(hm.find(), head);
        int w = Integer.parseInt(hm.group(1));
        assertTrue(Math.abs(w - 120) <= 1 && w == Integer.parseInt(hm.group(2)), head);
        int data = hm.end();
        int left = data + (w / 2 * w + w / 6) * 3;
        int right = data + (w / 2 * w + w * 5 / 6) * 3;
        assertEquals(255, ppm[left] & 0xFF);
        assertEquals(0, ppm[left + 2] & 0xFF);
        assertEquals(0, ppm[right] & 0xFF);
        assertEquals(255, ppm[right + 2] & 0xFF);
    }
}
