package org.pdistation.creator.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.creator.CreateReport;
import org.pdistation.creator.MediaCreator;
import org.pdistation.creator.plan.MediumSize;
import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.Planner;
import org.pdistation.creator.plan.SelectionReader;
import org.pdistation.creator.plan.TranscodePolicy;
import org.pdistation.creator.target.FolderTarget;
import org.pdistation.creator.target.Progress;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.SharedData;

/**
 * The DICOMDIR built from the headers read at selection is byte for byte the one imaging-core builds by reading the
 * staged files again (same File-set UID given), for copied, rewritten and transcoded files alike.
 */
class DicomdirFromHeadersTest {
    @TempDir
    Path tmp;

    @Test
    void dicomdirFromSelectionHeadersEqualsOneFromReadingTheStagedFiles() throws Exception {
        new SyntheticCtStudy(32, 4, 3).write(tmp.resolve("src"), 9);
        Path dicomdata = SharedData.require().resolve("dicomdata");
        List<Path> inputs = List.of(tmp.resolve("src"), dicomdata.resolve("single/pydicom/MR_small_implicit.dcm"),
                dicomdata.resolve("single/pydicom/SC_rgb_jpeg_dcmtk.dcm"),
                dicomdata.resolve("charset/pydicom/chrH32.dcm"));
        Plan plan = new Planner(Profile.STD_GEN_CD, MediumSize.CD, TranscodePolicy.standard(), 0)
                .plan(SelectionReader.read(inputs));
        Path out = tmp.resolve("out");
        CreateReport r = new MediaCreator(CreateOptions.defaults(), List.of(), List.of(), CodecRegistry.standard(),
                null).create(plan, n -> new FolderTarget(out, false), Progress.NONE);
        assertEquals(CreateReport.Outcome.DONE, r.media().get(0).outcome(), r.media().get(0).reason());
        assertEquals(12, r.media().get(0).files());
        Path dicomdir = out.resolve("DICOMDIR");
        byte[] ours = Files.readAllBytes(dicomdir);
        String uid = DicomReader.read(dicomdir, ReadOptions.HEADER_ONLY).fileMeta()
                .getString(Tag.MediaStorageSOPInstanceUID);
        DicomDirWriter.write(new DicomDirWriter.Request(out, Profile.STD_GEN_CD, "PDISTATION", List.of("README.TXT"),
                uid));
        assertArrayEquals(Files.readAllBytes(dicomdir), ours);
    }
}
