package org.pdistation.importer.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.testing.OrthancPeer;
import org.pdistation.importer.TestMedia;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.medium.MediumOpener;
import org.pdistation.importer.reconcile.LocalIdentity;
import org.pdistation.importer.report.ImportReport;
import org.pdistation.importer.review.ReviewModel;

class ImportReportAuditOrthancTest {
    private static final LocalIdentity LOCAL = new LocalIdentity("LOC7", "HOSP", "Local^Patient", "19700101", "O",
            null, null);

    private static Importer importer(Journal journal, OrthancPeer orthanc, int associations) {
        return new Importer(journal, ImportConfig.of(new RemoteAe("ORTHANC", "127.0.0.1", orthanc.dicomPort()), "PDI",
                associations));
    }

    @Test
    void brokenMediumImportsEverythingImportableAndReportListsTheRestPrecisely(@TempDir Path dir) throws Exception {
        TestMedia.Broken broken = TestMedia.broken(Files.createDirectories(dir.resolve("medium")));
        try (OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(dir.resolve("orthanc")), "");
             Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
            Importer importer = importer(journal, orthanc, 2);
            long job = importer.prepare(ReviewModel.build(MediumOpener.open(broken.root())), List.of(), LOCAL);
            Map<InstanceState, Integer> counts = importer.run(job, (r, d, t) -> { });
            // 6 slices: #2's reference escapes (refused; the file itself is found by scanning and trusted), #3
            // deleted (missing), #4 renamed lower case (found); + the unreferenced extra slice.
            assertEquals(6, counts.get(InstanceState.STORED), counts.toString());
            assertEquals(6, orthanc.instances().size());
            assertEquals(1, counts.get(InstanceState.UNSUPPORTED), counts.toString());
            assertEquals(3, counts.get(InstanceState.UNREADABLE), counts.toString());
            ImportReport report = ImportReport.of(journal, job);
            assertEquals("stored 6, warnings 0, failed 0, duplicates 0, unsupported 1, unreadable 3",
                    report.countsLine());
            List<String> unreadable = report.entries(InstanceState.UNREADABLE).stream()
                    .map(e -> e.fileId() + " | " + e.detail()).sorted().toList();
            assertEquals(3, unreadable.size(), unreadable.toString());
            assertTrue(unreadable.get(0).startsWith("..\\..") || unreadable.stream().anyMatch(
                    s -> s.contains("leaves the medium's root")), unreadable.toString());
            assertTrue(unreadable.stream().anyMatch(s -> s.startsWith("DICOM/BROKEN | unreadable")
                    || s.startsWith("DICOM/BROKEN | damaged")), unreadable.toString());
            assertTrue(unreadable.stream().anyMatch(s -> s.contains("IM000003")
                    && s.contains("which is not on the medium")), unreadable.toString());
            ImportReport.Entry unsupported = report.entries(InstanceState.UNSUPPORTED).get(0);
            assertEquals("DICOM/COMMIT", unsupported.fileId());
            assertEquals("2.25.1234567", unsupported.sopInstanceUid());
            assertTrue(unsupported.detail().contains("1.2.840.10008.1.20.1"), unsupported.detail());
            assertTrue(report.entries(InstanceState.STORED).stream().allMatch(e -> e.studyUid() != null
                    && e.seriesUid() != null && e.sopInstanceUid() != null));

            StringWriter csv = new StringWriter();
            report.toCsv(csv);
            String[] lines = csv.toString().split("\r\n");
            assertEquals("\uFEFFstate,file_id,sop_instance_uid,study_instance_uid,series_instance_uid,status,detail,"
                    + "attempts", lines[0]);
            assertEquals(1 + 10, lines.length);
            assertTrue(report.lines().contains("UNSUPPORTED (1)"), report.lines().toString());

            // Audit: begin + transferred rows, and two RFC 5424 lines in an owner-only audit.log.
            List<Journal.AuditRow> audit = journal.auditRows(job);
            assertEquals(2, audit.size());
            assertEquals("110102 Begin Transferring DICOM Instances", audit.get(0).event());
            assertEquals("110104 DICOM Instances Transferred", audit.get(1).event());
            assertEquals("0", audit.get(1).outcome());
            assertEquals(System.getProperty("user.name"), audit.get(1).who());
            Path log = dir.resolve("audit.log");
            List<String> syslog = Files.readAllLines(log);
            assertEquals(2, syslog.size());
            assertTrue(syslog.get(1).matches("<85>1 \\S+Z \\S+ pdistation \\d+ IMPORT \\[audit@32473 eventID=\"110104\""
                    + ".* patientIDs=\"LOC7\"\\] DICOM Instances Transferred: .*"), syslog.get(1));
            assertTrue(!syslog.get(1).contains("Local^Patient") && !syslog.get(1).contains("SYN"), syslog.get(1));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        }
    }

    @Test
    void resumeWorksOnTheMediumMountedElsewhereAndRefusesAnotherMedium(@TempDir Path dir) throws Exception {
        Path medium = Files.createDirectories(dir.resolve("mnt1"));
        TestMedia.ctWithDicomdir(medium, 12, 16, 11);
        Path other = Files.createDirectories(dir.resolve("other"));
        TestMedia.ctWithDicomdir(other, 12, 16, 12);
        try (OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(dir.resolve("orthanc")), "");
             Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
            Importer first = new Importer(journal, ImportConfig.of(new RemoteAe("ORTHANC", "127.0.0.1",
                    orthanc.dicomPort()), "PDI", 1).withRetry(1, java.time.Duration.ofMillis(10)));
            long job = first.prepare(ReviewModel.build(MediumOpener.open(medium)), List.of(), LOCAL);
            assertTrue(journal.rows(job, null).stream().allMatch(r -> r.path().startsWith("DICOM/")),
                    "paths are journalled relative to the medium root");
            AtomicInteger stored = new AtomicInteger();
            first.run(job, (r, d, t) -> {
                if (r.state() == InstanceState.STORED && stored.incrementAndGet() == 5) {
                    try {
                        orthanc.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            orthanc.restart();
            // The disc comes back at another mount point.
            Path mnt2 = dir.resolve("mnt2");
            Files.move(medium, mnt2);
            Importer resumed = importer(journal, orthanc, 2);
            IOException refused = assertThrows(IOException.class, () -> resumed.resume(job, other, (r, d, t) -> { }));
            assertTrue(refused.getMessage().contains("refusing to resume import job " + job)
                    && refused.getMessage().contains("File-set UID"), refused.getMessage());
            Map<InstanceState, Integer> counts = resumed.resume(job, mnt2, (r, d, t) -> { });
            assertEquals(12, counts.get(InstanceState.STORED), counts.toString());
            assertEquals(12, orthanc.instances().size());
            assertEquals("COMPLETE", journal.job(job).orElseThrow().state());
            assertTrue(journal.rows(job, null).stream().allMatch(r -> r.attempts() <= 2));
        }
    }
}
