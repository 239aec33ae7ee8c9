package org.pdistation.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.creator.plan.MediumSize;
import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.Planner;
import org.pdistation.creator.plan.SelectionReader;
import org.pdistation.creator.plan.TranscodePolicy;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.creator.target.FolderTarget;
import org.pdistation.creator.target.Progress;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.WriteOptions;
import org.pdistation.imaging.media.DicomDirReader;
import org.pdistation.imaging.media.DirectoryRecord;
import org.pdistation.imaging.media.FileSetTree;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.media.RecordType;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;

/** PDI-REQUIREMENTS 18: Type 1 keys an instance lacks are supplied in the DICOMDIR and named in the report. */
class MissingKeysTest {
    @TempDir
    Path tmp;

    private static void strip(Path f, int... tags) throws Exception {
        DicomFile df = DicomReader.read(f, ReadOptions.IN_MEMORY);
        Dataset ds = df.dataset();
        for (int t : tags) {
            ds.remove(t);
        }
        // A time the Study Time can come from (the generator writes no Series Time).
        ds.setString(Tag.ContentTime, org.pdistation.imaging.data.VR.TM, "101500");
        DicomWriter.write(f, df.fileMeta(), ds, df.transferSyntax(), WriteOptions.DEFAULT);
    }

    @Test
    void missingType1KeysAreSuppliedAndReported() throws Exception {
        Path src = tmp.resolve("src");
        new SyntheticCtStudy(16, 3, 11).write(src, 3);
        List<Path> files;
        try (Stream<Path> s = Files.walk(src)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            strip(f, Tag.InstanceNumber, Tag.StudyID, Tag.SeriesNumber, Tag.PatientID, Tag.StudyDate, Tag.StudyTime);
        }
        Plan plan = new Planner(Profile.STD_GEN_CD, MediumSize.CD, TranscodePolicy.standard(), 0)
                .plan(SelectionReader.read(List.of(src)));
        Path out = tmp.resolve("out");
        CreateReport r = new MediaCreator(CreateOptions.defaults(), List.of(), List.of(), CodecRegistry.standard(),
                null).create(plan, n -> new FolderTarget(out, false), Progress.NONE);
        CreateReport.MediumReport m = r.media().get(0);
        assertEquals(CreateReport.Outcome.DONE, m.outcome(), m.reason());
        String warnings = String.join("\n", m.warnings());
        for (String key : List.of("PatientID", "StudyID", "SeriesNumber", "InstanceNumber", "StudyDate",
                "StudyTime")) {
            assertTrue(warnings.contains(key), key + " not reported in:\n" + warnings);
        }
        assertFalse(warnings.contains("written empty"), warnings);

        FileSetTree tree = DicomDirReader.read(out.resolve("DICOMDIR"));
        int images = 0;
        for (DirectoryRecord rec : tree.allRecords()) {
            Dataset k = rec.keys();
            switch (rec.type()) {
                case PATIENT -> assertFalse(k.getString(Tag.PatientID, "").isBlank());
                case STUDY -> {
                    assertFalse(k.getString(Tag.StudyID, "").isBlank());
                    assertFalse(k.getString(Tag.StudyDate, "").isBlank());
                    assertFalse(k.getString(Tag.StudyTime, "").isBlank());
                }
                case SERIES -> assertFalse(k.getString(Tag.SeriesNumber, "").isBlank());
                case IMAGE -> {
                    images++;
                    assertFalse(k.getString(Tag.InstanceNumber, "").isBlank());
                }
                default -> { }
            }
        }
        assertEquals(files.size(), images);
        assertTrue(tree.allRecords().stream().anyMatch(x -> x.type() == RecordType.IMAGE
                && "2".equals(x.keys().getString(Tag.InstanceNumber))), "numbered by order within the series");

        Peers.Result dcentvfy = Peers.run(Duration.ofMinutes(2), Peers.require("dcentvfy").toString(),
                out.resolve("DICOMDIR").toString());
        assertEquals(List.of(), MediaCreatorConformanceTest.errorLines(dcentvfy.stdout() + dcentvfy.stderr()),
                "dcentvfy");
    }
}
