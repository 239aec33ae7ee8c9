package org.pdistation.importer.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.testing.OrthancPeer;
import org.pdistation.importer.TestMedia;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.medium.MediumOpener;
import org.pdistation.importer.reconcile.LocalIdentity;
import org.pdistation.importer.review.ReviewModel;

class ImportOrthancTest {
    private static final LocalIdentity LOCAL = new LocalIdentity("LOC42", "HOSP", "Local^Patient", "19700101", "O",
            null, null);

    @Test
    void importsCoercedWithPixelsUnchangedAndSecondImportIsAllDuplicates(@TempDir Path dir) throws Exception {
        Path medium = Files.createDirectories(dir.resolve("medium"));
        List<Path> files = TestMedia.ctWithDicomdir(medium, 6, 16, 5);
        try (OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(dir.resolve("orthanc")), "");
             Journal journal = Journal.open(dir.resolve("journal.db"), java.time.Clock.systemUTC())) {
            Importer importer = new Importer(journal, ImportConfig.of(new RemoteAe("ORTHANC", "127.0.0.1",
                    orthanc.dicomPort()), "PDI", 2));
            ReviewModel model = ReviewModel.build(MediumOpener.open(medium));
            long job = importer.prepare(model, List.of(), LOCAL);
            Map<InstanceState, Integer> counts = importer.run(job, (r, d, t) -> { });
            assertEquals(6, counts.get(InstanceState.STORED), counts.toString());
            List<String> ids = orthanc.instances();
            assertEquals(6, ids.size());
            String tags = orthanc.get("/instances/" + ids.get(0) + "/tags?simplify");
            assertTrue(tags.contains("\"PatientID\" : \"LOC42\""), tags);
            assertTrue(tags.contains("\"IssuerOfPatientID\" : \"HOSP\""), tags);
            assertTrue(tags.contains("OriginalAttributesSequence") && tags.contains("COERCE"), tags);
            assertTrue(tags.contains("OtherPatientIDsSequence") && tags.contains("SYN5"), tags);
            String sop = orthanc.get("/instances/" + ids.get(0) + "/content/0008-0018").replace("\0", "").strip();
            Path source = files.stream().filter(f -> {
                try {
                    return DicomReader.read(f, ReadOptions.HEADER_ONLY).dataset().getString(Tag.SOPInstanceUID)
                            .equals(sop);
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElseThrow();
            // The instance as Orthanc holds it, read with our reader: Pixel Data byte for byte as on the medium.
            Path got = Files.write(dir.resolve("got.dcm"), orthanc.getBytes("/instances/" + ids.get(0) + "/file"));
            byte[] pixels = DicomReader.read(got, ReadOptions.IN_MEMORY).dataset().getBytes(Tag.PixelData);
            assertArrayEquals(DicomReader.read(source, ReadOptions.IN_MEMORY).dataset().getBytes(Tag.PixelData),
                    pixels);

            long again = importer.prepare(ReviewModel.build(MediumOpener.open(medium)), List.of(), LOCAL);
            Map<InstanceState, Integer> second = importer.run(again, (r, d, t) -> { });
            assertEquals(6, second.get(InstanceState.DUPLICATE), second.toString());
            assertEquals(6, orthanc.instances().size());
            assertEquals("COMPLETE", journal.job(again).orElseThrow().state());
        }
    }

    @Test
    void orthancKilledHalfwayThenResumedStoresEverythingOnce(@TempDir Path dir) throws Exception {
        Path medium = Files.createDirectories(dir.resolve("medium"));
        TestMedia.ctWithDicomdir(medium, 20, 16, 6);
        try (OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(dir.resolve("orthanc")), "");
             Journal journal = Journal.open(dir.resolve("journal.db"), java.time.Clock.systemUTC())) {
            Importer importer = new Importer(journal, ImportConfig.of(new RemoteAe("ORTHANC", "127.0.0.1",
                    orthanc.dicomPort()), "PDI", 1).withRetry(1, java.time.Duration.ofMillis(50)));
            long job = importer.prepare(ReviewModel.build(MediumOpener.open(medium)), List.of(), LOCAL);
            AtomicInteger stored = new AtomicInteger();
            importer.run(job, (r, d, t) -> {
                if (r.state() == InstanceState.STORED && stored.incrementAndGet() == 8) {
                    try {
                        orthanc.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            assertTrue(journal.counts(job).get(InstanceState.STORED) < 20);
            orthanc.restart();
            // Resume: rows that failed with the PACS down are made PENDING again by the resume request.
            Importer resumed = new Importer(journal, ImportConfig.of(new RemoteAe("ORTHANC", "127.0.0.1",
                    orthanc.dicomPort()), "PDI", 2));
            Map<InstanceState, Integer> counts = resumed.resume(job, (r, d, t) -> { });
            assertEquals(20, counts.get(InstanceState.STORED), counts.toString());
            assertEquals(20, orthanc.instances().size());
            assertEquals("COMPLETE", journal.job(job).orElseThrow().state());
        }
    }
}
