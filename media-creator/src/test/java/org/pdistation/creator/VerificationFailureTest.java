package org.pdistation.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.creator.plan.MediumSize;
import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.Planner;
import org.pdistation.creator.plan.SelectionReader;
import org.pdistation.creator.plan.TranscodePolicy;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.creator.target.FolderTarget;
import org.pdistation.creator.target.Progress;
import org.pdistation.creator.verify.MediumCheck;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** A medium whose read-back check fails is FAILED with the reason, rolled back, and its staged files kept. */
class VerificationFailureTest {
    @TempDir
    Path tmp;

    /** renamed: staging beside the target (the write is a rename); copied: staging elsewhere (files copied). */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFailingCheckRollsTheTargetBackAndKeepsTheStagedFiles(boolean renamed) throws Exception {
        new SyntheticCtStudy(16, 3, 5).write(tmp.resolve("src"), 4);
        Plan plan = new Planner(Profile.STD_GEN_CD, MediumSize.CD, TranscodePolicy.standard(), 0)
                .plan(SelectionReader.read(List.of(tmp.resolve("src"))));
        Path out = tmp.resolve("usb");
        MediumCheck failing = root -> List.of("planted failure");
        Path stagingParent = renamed ? null : Files.createDirectories(tmp.resolve("elsewhere"));
        CreateReport r = new MediaCreator(CreateOptions.defaults(), List.of(), List.of(failing),
                CodecRegistry.standard(), stagingParent).create(plan, n -> new FolderTarget(out, false),
                Progress.NONE);
        CreateReport.MediumReport m = r.media().get(0);
        assertEquals(CreateReport.Outcome.FAILED, m.outcome());
        assertTrue(m.reason().contains("planted failure"), m.reason());
        assertNotNull(m.staged());
        assertTrue(m.reason().contains(m.staged().toString()), m.reason());
        assertTrue(Files.isRegularFile(m.staged().resolve("DICOMDIR")), "staged copy intact");
        assertEquals(4, Files.walk(m.staged().resolve("DICOM")).filter(Files::isRegularFile).count());
        assertFalse(Files.exists(out.resolve("DICOMDIR")), "the target must not look complete");
        assertFalse(Files.exists(out.resolve("DICOM")), "everything written was rolled back");
        assertFalse(r.allDone());
    }
}
