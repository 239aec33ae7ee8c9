package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.WorklistScp;

/** {@code pdistation import --worklist … --match …}: one candidate is used, several stop the import with the list. */
class ImportWorklistCommandTest extends InProcessCli {
    @TempDir
    static Path dir;
    private static WorklistScp scp;
    private static Path medium;

    @BeforeAll
    static void start() throws Exception {
        Path items = WorklistScp.itemFolder(dir.resolve("wl"));
        WorklistScp.item(items, "doe", null, "P100", "Doe^Jane", "ACC100", "CT chest", "20240105");
        WorklistScp.item(items, "dole", null, "P200", "Dole^Bob", "ACC200", "CT head", "20240210");
        scp = WorklistScp.start(dir.resolve("wl"));
        medium = dir.resolve("medium");
        new SyntheticCtStudy(16, 2, 33).write(medium, 2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (scp != null) scp.close();
    }

    private String worklist() {
        return WorklistScp.AET + "@127.0.0.1:" + scp.port;
    }

    @Test
    void dryRunPrintsTheOneCandidateWithItsAccessionAndProcedure() {
        int rc = run("import", "--dry-run", "--worklist", worklist(), "--match", "accession", "--match-value",
                "ACC100", medium.toString());
        assertEquals(0, rc, out + "" + err);
        assertTrue(out.toString().contains("1 candidate(s)"), out.toString());
        assertTrue(out.toString().contains("P100") && out.toString().contains("accession ACC100") && out.toString().contains("CT chest"), out.toString());
    }

    @Test
    void severalCandidatesStopTheImportAndListThemForTheClerk() {
        int rc = run("import", "--pacs", "PACS@127.0.0.1:1", "--journal", dir.resolve("stop.db").toString(),
                "--worklist", worklist(), "--match", "name", "--match-value", "Do*", medium.toString());
        assertEquals(3, rc, out + "" + err);
        assertTrue(out.toString().contains("2 candidate(s)") && out.toString().contains("P100") && out.toString().contains("P200"), out.toString());
        assertTrue(err.toString().contains("several candidates"), err.toString());
    }

    @Test
    void theOneCandidateIsImportedWithTheWorklistsAccession() throws Exception {
        Path received = Files.createDirectories(dir.resolve("received"));
        int rc;
        try (DicomServer pacs = DicomServer.start(new DicomServer.Config("PACS", "127.0.0.1", 0, Set.of(), 2,
                NetOptions.DEFAULT), new FolderSink(received))) {
            rc = run("import", "--pacs", "PACS@127.0.0.1:" + pacs.port(), "--journal",
                    dir.resolve("one.db").toString(), "--worklist", worklist(), "--match", "id", "--match-value",
                    "P200", medium.toString());
        }
        assertEquals(0, rc, out + "" + err);
        List<Path> files;
        try (Stream<Path> s = Files.list(received)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertEquals(2, files.size());
        for (Path f : files) {
            var ds = DicomReader.read(f, ReadOptions.HEADER_ONLY).dataset();
            assertEquals("P200", ds.getString(Tag.PatientID));
            assertEquals("ACC200", ds.getString(Tag.AccessionNumber));
        }
    }
}
