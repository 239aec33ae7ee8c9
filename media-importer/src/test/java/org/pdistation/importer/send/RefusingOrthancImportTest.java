package org.pdistation.importer.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.OrthancPeer;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.medium.MediumOpener;
import org.pdistation.importer.report.ImportReport;
import org.pdistation.importer.review.ReviewModel;

/**
 * Issue 6 acceptance: an Orthanc (1.10) configured to accept only the uncompressed transfer syntaxes
 * ("AcceptedTransferSyntaxes") and only the SOP classes it knows ("UnknownSopClassAccepted": false). The JPEG
 * Lossless instance is transcoded and says so; the instance of a SOP class Orthanc does not know is reported
 * UNSUPPORTED with the reason; the rest is stored as it is.
 */
class RefusingOrthancImportTest {
    /**
     * Color Palette Storage (PS3.4 GG): a storage SOP class Orthanc 1.10 refuses with "UnknownSopClassAccepted":
     * false (as it does Hanging Protocol, Implant Template and Defined Procedure Protocol Storage).
     */
    private static final String REFUSED_CLASS = "1.2.840.10008.5.1.4.39.1";

    @Test
    void refusedSyntaxIsTranscodedAndRefusedSopClassIsReportedPerInstance(@TempDir Path dir) throws Exception {
        Path medium = Files.createDirectories(dir.resolve("medium"));
        new SyntheticCtStudy(16, 4, 11).write(medium, 4);
        Path jpeg = SharedData.requireDicomFile("single/dcm4che/CT-JPEGLosslessSV1.dcm");
        Path jpegCopy = Files.copy(jpeg, Files.createDirectories(medium.resolve("OTHER")).resolve("JPEGLS"));
        Path nm = medium.resolve("OTHER").resolve("PALETTE");
        DicomFile ct = DicomReader.read(new SyntheticCtStudy(16, 1, 12).write(dir.resolve("src"), 1).get(0),
                ReadOptions.IN_MEMORY);
        Dataset ds = ct.dataset();
        ds.setString(Tag.SOPClassUID, VR.UI, REFUSED_CLASS);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.7788990011");
        DicomWriter.write(nm, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);

        try (OrthancPeer orthanc = OrthancPeer.start(Files.createDirectories(dir.resolve("orthanc")),
                "\"UnknownSopClassAccepted\": false,\n"
                        + "\"AcceptedTransferSyntaxes\": [\"1.2.840.10008.1.2\", \"1.2.840.10008.1.2.1\"]");
             Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
            Importer importer = new Importer(journal, ImportConfig.of(new RemoteAe("ORTHANC", "127.0.0.1",
                    orthanc.dicomPort()), "PDI", 1).withRetry(1, java.time.Duration.ofMillis(10)));
            long job = importer.prepare(ReviewModel.build(MediumOpener.open(medium)), List.of(), null);
            Map<InstanceState, Integer> counts = importer.run(job, (r, d, t) -> { });

            assertEquals(5, counts.get(InstanceState.STORED), counts.toString());
            assertEquals(1, counts.get(InstanceState.UNSUPPORTED), counts.toString());
            assertEquals(0, counts.get(InstanceState.FAILED), counts.toString());
            assertEquals(5, orthanc.instances().size());
            ImportReport report = ImportReport.of(journal, job);
            ImportReport.Entry transcoded = report.entries().stream()
                    .filter(e -> e.fileId().endsWith("JPEGLS")).findFirst().orElseThrow();
            assertEquals(InstanceState.STORED, transcoded.state());
            assertTrue(transcoded.detail().contains("transcoded from")
                    && transcoded.detail().contains("Explicit VR Little Endian"), transcoded.detail());
            ImportReport.Entry refused = report.entries(InstanceState.UNSUPPORTED).get(0);
            assertTrue(refused.fileId().endsWith("PALETTE"), refused.fileId());
            assertTrue(refused.detail().contains("refused by ORTHANC@127.0.0.1") && refused.detail()
                    .contains(REFUSED_CLASS), refused.detail());
            assertEquals("COMPLETE", journal.job(job).orElseThrow().state());

            // Transcoded losslessly: Orthanc holds the JPEG Lossless pixels decoded, in Explicit VR Little Endian.
            String sop = DicomReader.read(jpegCopy, ReadOptions.HEADER_ONLY).dataset().getString(Tag.SOPInstanceUID);
            String id = null;
            for (String candidate : orthanc.instances()) {
                if (orthanc.get("/instances/" + candidate + "/content/0008-0018").replace("\0", "").strip()
                        .equals(sop)) {
                    id = candidate;
                }
            }
            assertTrue(id != null, "the transcoded instance is not in Orthanc");
            Path got = Files.write(dir.resolve("got.dcm"), orthanc.getBytes("/instances/" + id + "/file"));
            DicomFile stored = DicomReader.read(got, ReadOptions.IN_MEMORY);
            assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), stored.transferSyntax().uid());
            Dataset src = DicomReader.read(jpegCopy, ReadOptions.HEADER_ONLY).dataset();
            assertEquals(src.getInt(Tag.Rows, 0) * src.getInt(Tag.Columns, 0) * 2,
                    stored.dataset().getBytes(Tag.PixelData).length);
        }
    }
}
