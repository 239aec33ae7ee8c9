package org.pdistation.creator.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.creator.TestFileSets;
import org.pdistation.imaging.media.DicomDirReader;
import org.pdistation.imaging.media.DirectoryRecord;
import org.pdistation.imaging.media.FileSetTree;
import org.w3c.dom.Document;

class WebContentWriterTest {
    @TempDir
    static Path tmp;
    static Path root;
    static WebContentResult result;

    @BeforeAll
    static void writeOnce() throws IOException {
        root = TestFileSets.mixed(tmp.resolve("set"));
        Files.createDirectories(root.resolve("VIEWER"));
        Files.writeString(root.resolve("VIEWER/README.TXT"), "viewer");
        result = WebContentWriter.write(root, new WebContentOptions("St. Mary's <Radiology> & Co",
                LocalDate.of(2026, 11, 20), true, "en"));
    }

    private static String read(String rel) throws IOException {
        return Files.readString(root.resolve(rel), StandardCharsets.UTF_8);
    }

    @Test
    void everyWrittenNameIsLevel1AndAtMostFiveDeep() {
        assertFalse(result.files().isEmpty());
        for (Path p : result.files()) {
            assertTrue(p.getNameCount() <= 8, p.toString());
            for (int i = 0; i < p.getNameCount() - 1; i++) {
                assertTrue(p.getName(i).toString().matches("[A-Z0-9_]{1,8}"), p.toString());
            }
            assertTrue(p.getFileName().toString().matches("[A-Z0-9_]{1,8}\\.[A-Z0-9_]{1,3}"), p.toString());
            assertTrue(p.equals(Path.of("INDEX.HTM")) || p.startsWith("IHE_PDI"), p.toString());
        }
        assertTrue(result.files().contains(Path.of("IHE_PDI/P0000001.HTM")));
        assertTrue(result.files().contains(Path.of("IHE_PDI/P0000001/S0000001/S0000001.HTM")));
    }

    @Test
    void everyPageIsWellFormedXhtmlDeclaringUtf8() throws IOException {
        int pages = 0;
        for (Path rel : result.files()) {
            if (!rel.toString().endsWith(".HTM")) continue;
            Document doc = WebPages.parse(root.resolve(rel));
            assertEquals("http://www.w3.org/1999/xhtml", doc.getDocumentElement().getNamespaceURI());
            String text = read(rel.toString());
            assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), rel.toString());
            assertTrue(text.contains("charset=UTF-8"), rel.toString());
            assertFalse(text.contains("<script"), rel + " has a script element");
            pages++;
        }
        // INDEX + 5 patients + 5 studies + 5 series
        assertEquals(16, pages);
        assertEquals(16, result.pages());
    }

    @Test
    void japaneseNameIsDecodedWithTheFilesCharacterSet() throws IOException {
        String index = read("INDEX.HTM");
        assertTrue(index.contains(TestFileSets.JAPANESE_NAME + " (Yamada, Tarou)"), index);
        assertTrue(read("IHE_PDI/P0000001.HTM").contains(TestFileSets.JAPANESE_NAME));
    }

    @Test
    void dataIsEscapedNeverMarkup() throws IOException {
        String index = read("INDEX.HTM");
        assertFalse(index.contains("<script>"));
        assertTrue(index.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;Co"), index);
        assertTrue(index.contains("St. Mary&#39;s &lt;Radiology&gt; &amp; Co"), index);
    }

    @Test
    void indexLinksReadmeViewerAndEveryStudy() throws IOException {
        List<String> links = WebPages.links(WebPages.parse(root.resolve("INDEX.HTM")));
        assertTrue(links.contains("README.TXT"), links.toString());
        assertTrue(links.contains("VIEWER/README.TXT"), links.toString());
        for (int p = 1; p <= 5; p++) {
            assertTrue(links.contains("IHE_PDI/P000000" + p + ".HTM"), links.toString());
            assertTrue(links.contains("IHE_PDI/P000000" + p + "/S0000001.HTM"), links.toString());
        }
    }

    @Test
    void everyLinkOfEveryReachablePageResolves() throws IOException {
        List<Path> pages = WebPages.reachable(root);
        assertEquals(16, pages.size());
        for (Path page : pages) {
            for (String href : WebPages.links(WebPages.parse(page))) {
                Path target = page.getParent().resolve(href).normalize();
                assertTrue(target.startsWith(root), page + " links outside the medium: " + href);
                assertTrue(Files.exists(target), page + " links a missing " + href);
            }
        }
    }

    @Test
    void multiFrameGetsFirstMiddleAndLastFrame() throws IOException {
        assertArrayEquals(new int[] {0, 6, 12}, WebContentWriter.framesToRender(13));
        assertArrayEquals(new int[] {0, 1}, WebContentWriter.framesToRender(2));
        Path nm = root.resolve("IHE_PDI/P0000003/S0000001/S0000001");
        try (Stream<Path> s = Files.list(nm)) {
            assertEquals(List.of("I0000001.PNG", "I0000002.PNG", "I0000003.PNG", "T0000001.PNG", "T0000002.PNG",
                    "T0000003.PNG"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(read("IHE_PDI/P0000003/S0000001/S0000001.HTM").contains("Image 1, frame 13/13"));
    }

    @Test
    void greyAndColourRenderingsArePngsOfTheRightKind() throws IOException {
        byte[] colour = Files.readAllBytes(root.resolve("IHE_PDI/P0000002/S0000001/S0000001/I0000001.PNG"));
        byte[] grey = Files.readAllBytes(root.resolve("IHE_PDI/P0000004/S0000001/S0000001/I0000001.PNG"));
        assertEquals(2, colour[25], "colour type RGB");   // IHDR colour type (PNG 11.2.2)
        assertEquals(0, grey[25], "colour type grey");
        int w = ((grey[16] & 0xFF) << 24) | ((grey[17] & 0xFF) << 16) | ((grey[18] & 0xFF) << 8) | (grey[19] & 0xFF);
        assertEquals(128 * 4, w, "CT_small 128x128 enlarged at most 4 times into 512");
        assertEquals(1 + 1 + 3 + 1, result.renderings(), "Japanese CR, US, NM 3 of 13 frames, CT");
    }

    @Test
    void undecodableInstanceGetsPlaceholderTextNotAnImage() throws IOException {
        String page = read("IHE_PDI/P0000005/S0000001/S0000001.HTM");
        assertFalse(page.contains("<img"), page);
        assertTrue(page.contains("Image not available on this page"), page);
        assertEquals(1, result.placeholders());
        assertTrue(result.problems().stream().anyMatch(p -> p.contains("P0000005")), result.problems().toString());
    }

    @Test
    void dicomdirDoesNotReferenceTheWebContent() throws IOException {
        FileSetTree tree = DicomDirReader.read(root.resolve("DICOMDIR"));
        for (DirectoryRecord r : tree.allRecords()) {
            if (r.referencedFile() != null) {
                assertTrue(root.relativize(r.referencedFile()).startsWith("DICOM"), r.referencedFile().toString());
            }
        }
        assertEquals(5, tree.allRecords().stream().filter(r -> r.referencedFile() != null).count());
    }

    @Test
    void writingTwiceIsRefused() {
        assertThrows(FileAlreadyExistsException.class, () -> WebContentWriter.write(root,
                new WebContentOptions("X", LocalDate.of(2026, 11, 20), false, "en")));
    }
}
