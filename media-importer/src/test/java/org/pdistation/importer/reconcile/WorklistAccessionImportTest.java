package org.pdistation.importer.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.FindScu;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.testing.WorklistScp;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;
import org.pdistation.importer.medium.MediumOpener;
import org.pdistation.importer.review.ReviewModel;
import org.pdistation.importer.send.ImportConfig;
import org.pdistation.importer.send.Importer;

/** The worklist item a clerk chose puts its accession number into every imported instance (PDI-REQUIREMENTS 29). */
class WorklistAccessionImportTest {
    @Test
    void chosenItemsAccessionIsCoercedAndTheMediumsKeptInOriginalAttributes(@TempDir Path dir) throws Exception {
        Path items = WorklistScp.itemFolder(dir.resolve("wl"));
        WorklistScp.item(items, "doe", null, "LOCAL7", "Doe^Jane", "WLACC7", "CT chest", "20240105");
        Path medium = dir.resolve("medium");
        List<Path> files = new SyntheticCtStudy(16, 2, 21).write(medium, 2);
        String oldAccession = DicomReader.read(files.get(0), ReadOptions.HEADER_ONLY).dataset()
                .getString(Tag.AccessionNumber, "");

        IdentityCandidate chosen;
        try (WorklistScp scp = WorklistScp.start(dir.resolve("wl"))) {
            List<IdentityCandidate> c = new WorklistLookup(new FindScu(new RemoteAe(WorklistScp.AET, "127.0.0.1",
                    scp.port), "PDISTATION", NetOptions.DEFAULT)).find(IdentityQuery.byAccession("WLACC7"));
            assertEquals(1, c.size(), c.toString());
            chosen = c.get(0);
        }

        Path out = Files.createDirectories(dir.resolve("received"));
        try (DicomServer pacs = DicomServer.start(new DicomServer.Config("PACS", "127.0.0.1", 0, Set.of(), 2,
                NetOptions.DEFAULT), new FolderSink(out));
             Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
            Importer importer = new Importer(journal, ImportConfig.of(new RemoteAe("PACS", "127.0.0.1", pacs.port()),
                    "PDISTATION", 1));
            ReviewModel model = ReviewModel.build(MediumOpener.open(medium));
            long job = importer.prepare(model, List.of(), chosen.identity());
            var counts = importer.run(job, model.medium().root(), (row, done, total) -> { });
            assertEquals(2, counts.get(InstanceState.STORED), counts.toString());
        }
        List<Path> received;
        try (Stream<Path> s = Files.list(out)) {
            received = s.filter(Files::isRegularFile).toList();
        }
        assertEquals(2, received.size());
        for (Path f : received) {
            Dataset ds = DicomReader.read(f, ReadOptions.HEADER_ONLY).dataset();
            assertEquals("WLACC7", ds.getString(Tag.AccessionNumber));
            assertEquals("LOCAL7", ds.getString(Tag.PatientID));
            assertEquals("Doe^Jane", ds.getString(Tag.PatientName));
            Sequence original = ds.getSequence(Tag.OriginalAttributesSequence);
            assertNotNull(original, f.toString());
            Dataset previous = original.get(original.size() - 1).getSequence(Tag.ModifiedAttributesSequence).get(0);
            assertEquals(oldAccession, previous.getString(Tag.AccessionNumber, ""));
            assertEquals("COERCE", original.get(original.size() - 1)
                    .getString(Tag.ReasonForTheAttributeModification));
        }
    }
}
