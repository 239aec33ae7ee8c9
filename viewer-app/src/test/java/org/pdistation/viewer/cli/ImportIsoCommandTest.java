package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.OrthancPeer;

/**
 * The PDI round trip on the command line: {@code create --iso} makes a disc image, {@code import} reads that image
 * directly (no drive, no mount) into a real Orthanc under a local patient ID, and a second import sends nothing
 * twice.
 */
class ImportIsoCommandTest extends InProcessCli {
    @TempDir
    Path work;

    @Test
    void anIsoMadeByCreateImportsIntoOrthancOnceUnderTheLocalId() throws Exception {
        Path in = work.resolve("in");
        new SyntheticCtStudy(32, 4, 5).write(in, 4);
        Path iso = work.resolve("study.iso");
        assertEquals(0, run("create", "--iso", iso.toString(), in.toString()));
        try (OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(work.resolve("orthanc")), "")) {
            String pacs = "ORTHANC@127.0.0.1:" + orthanc.dicomPort();
            String journal = work.resolve("journal.db").toString();
            assertEquals(0, run("import", "--pacs", pacs, "--journal", journal, "--patient-id", "LOCAL42",
                    "--issuer", "HOSP", "--patient-name", "Local^Name", iso.toString()));
            assertEquals(4, orthanc.instances().size());
            String patients = orthanc.get("/patients?expand");
            assertTrue(patients.contains("LOCAL42"), patients);
            // The same disc again: every instance is a duplicate, nothing is sent twice.
            assertEquals(0, run("import", "--pacs", pacs, "--journal", journal, "--patient-id", "LOCAL42",
                    "--issuer", "HOSP", "--patient-name", "Local^Name", iso.toString()));
            assertEquals(4, orthanc.instances().size());
        }
    }
}
