package org.pdistation.viewer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.media.BrokenDiscs;
import org.pdistation.viewer.media.MediumCheck;
import org.pdistation.viewer.media.MediumProblem;

/**
 * A file the DICOMDIR lists but the disc lacks is met twice: by the reader (a reading problem) and by the medium
 * check (rule 20). The browser lists it once, as the check's R20 finding with the file's ID.
 */
class MissingFileListedOnceTest {
    private final Messages english = new Messages(Locale.ENGLISH);

    @Test
    void eachMissingFileIsOneR20EntryAndNoReadingProblem(@TempDir Path disc) throws Exception {
        List<Path> files = BrokenDiscs.good(disc, 4);
        Files.delete(files.get(1));
        Files.delete(files.get(3));
        Set<String> deleted = Set.of(rel(disc, files.get(1)), rel(disc, files.get(3)));

        MediaContent content = new MediaReader(english).read(disc);
        MediumCheck.Result check = new MediumCheck(english).check(disc);

        // Both sides name the same files by the same File ID.
        assertEquals(deleted, content.readingProblems().stream().map(ReadingProblem::missingFile)
                .filter(f -> f != null).collect(Collectors.toSet()));
        assertEquals(deleted, check.missingFiles());

        List<String> reading = content.withoutMissing(check.missingFiles()).problems();
        for (String file : deleted) {
            List<MediumProblem> r20 = check.problems().stream().filter(p -> p.file().equals(file)).toList();
            assertEquals(1, r20.size(), () -> check.problems().toString());
            assertEquals("R20", r20.get(0).rule());
            assertEquals("The DICOMDIR lists a file that is not on the disc.", r20.get(0).sentence());
            String name = Path.of(file).getFileName().toString();
            assertTrue(reading.stream().noneMatch(s -> s.contains(name)), reading::toString);
        }
        assertEquals(List.of(), reading);
    }

    @Test
    void aMissingFileTheCheckDidNotListStaysAReadingProblem(@TempDir Path disc) throws Exception {
        List<Path> files = BrokenDiscs.good(disc, 3);
        Files.delete(files.get(0));
        MediaContent content = new MediaReader(english).read(disc);
        // The check may stop early (its bounds) or fail: what it did not list is still shown.
        List<String> kept = content.withoutMissing(Set.of()).problems();
        assertEquals(1, kept.size());
        assertTrue(kept.get(0).startsWith("A file listed in the DICOMDIR is not on the medium."), kept::toString);
        assertEquals(content.problems(), kept);
    }

    @Test
    void otherReadingProblemsAreKept() {
        MediaContent c = new MediaContent(null, List.of(), List.of(ReadingProblem.of("unreadable X"),
                new ReadingProblem("missing A", "DICOM/A"), new ReadingProblem("missing B", "DICOM/B")));
        assertEquals(List.of("unreadable X", "missing B"), c.withoutMissing(Set.of("DICOM/A")).problems());
    }

    private static String rel(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
