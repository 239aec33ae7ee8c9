package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/**
 * {@code pdistation import} prints through the command line's writers, as every other command does: what it prints
 * reaches the writers a caller configured (Main's UTF-8 ones, a test's), nothing goes to System.out/err.
 */
class ImportCommandOutputTest extends InProcessCli {
    @TempDir
    Path work;

    @Test
    void dryRunPrintsTheReviewModelOnTheCommandLinesOut() throws Exception {
        Path medium = work.resolve("medium");
        new SyntheticCtStudy(16, 3, 7).write(medium, 3); // one series of 3 slices
        assertEquals(0, run("import", "--dry-run", medium.toString()), err.toString());
        String printed = out.toString();
        assertTrue(printed.startsWith("patient "), printed);
        assertTrue(printed.contains("\n  study ") && printed.contains("\n    series ") && printed.contains("(3)"),
                printed);
        assertEquals("", err.toString());
    }

    @Test
    void missingPacsIsReportedOnTheCommandLinesErrWithExitCode2() {
        assertEquals(2, run("import", work.toString()));
        assertEquals("import: --pacs and a MEDIUM (or --resume JOB) are required", err.toString().strip());
        assertEquals("", out.toString());
    }

    @Test
    void anUnknownReportJobIsReportedOnTheCommandLinesErr() {
        Path journal = work.resolve("journal.db");
        assertEquals(2, run("import", "--report", "99", "--journal", journal.toString()));
        assertEquals("import: no job 99 in " + journal, err.toString().strip());
    }

    @Test
    void lookupPacsWithoutPacsIsAUsageErrorOnTheCommandLinesErr() throws Exception {
        Path medium = work.resolve("medium");
        new SyntheticCtStudy(16, 1, 8).write(medium, 1);
        assertEquals(2, run("import", "--dry-run", "--lookup-pacs", medium.toString()));
        assertTrue(err.toString().contains("import: --lookup-pacs needs --pacs"), err.toString());
    }
}
