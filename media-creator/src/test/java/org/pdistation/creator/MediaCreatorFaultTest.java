package org.pdistation.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.synth.SyntheticCtStudy;

/** A failed write is FAILED with a reason, keeps the staged files, and leaves no DICOMDIR in the target. */
class MediaCreatorFaultTest {
    @TempDir
    Path tmp;

    private Plan plan(int files) throws Exception {
        return plan(64, files);
    }

    private Plan plan(int rows, int files) throws Exception {
        new SyntheticCtStudy(rows, 10, 7).write(tmp.resolve("src"), files);
        return new Planner(Profile.STD_GEN_CD, MediumSize.CD, TranscodePolicy.standard(), 0)
                .plan(SelectionReader.read(List.of(tmp.resolve("src"))));
    }

    private MediaCreator creator() throws Exception {
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        return new MediaCreator(CreateOptions.defaults(), List.of(), List.of(), CodecRegistry.standard(), staging);
    }

    @Test
    void targetDisappearingMidWriteFailsTheJobAndKeepsTheStagedFiles() throws Exception {
        Plan plan = plan(20);
        Path out = tmp.resolve("usb");
        AtomicBoolean pulled = new AtomicBoolean();
        Progress unplug = (phase, done, total) -> {
            if (phase.contains("write") && done > 0 && pulled.compareAndSet(false, true)) {
                try {
                    FolderTarget.deleteTree(out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        CreateReport r = creator().create(plan, n -> new FolderTarget(out, false), unplug);
        CreateReport.MediumReport m = r.media().get(0);
        assertEquals(CreateReport.Outcome.FAILED, m.outcome());
        assertTrue(m.reason().contains("failed"), m.reason());
        assertNotNull(m.staged());
        assertTrue(Files.isRegularFile(m.staged().resolve("DICOMDIR")), "staged files intact");
        assertFalse(Files.exists(out.resolve("DICOMDIR")));
        assertFalse(r.allDone());
    }

    @Test
    void aTargetThatAlreadyHoldsADicomdirIsRefusedUnlessReplaced() throws Exception {
        Plan plan = plan(3);
        Path out = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(out.resolve("DICOMDIR"), "old");
        CreateReport r = creator().create(plan, n -> new FolderTarget(out, false), Progress.NONE);
        assertEquals(CreateReport.Outcome.FAILED, r.media().get(0).outcome());
        assertTrue(r.media().get(0).reason().contains("already holds a DICOMDIR"), r.media().get(0).reason());
        CreateReport r2 = creator().create(plan, n -> new FolderTarget(out, true), Progress.NONE);
        assertEquals(CreateReport.Outcome.DONE, r2.media().get(0).outcome(), r2.media().get(0).reason());
        assertTrue(Files.size(out.resolve("DICOMDIR")) > 100);
    }

    /**
     * A real 2 MiB tmpfs where mount is permitted; otherwise (a CI container may refuse mount even as root) a copier
     * that fails like a full device after 2 MiB. Never skipped.
     */
    @Test
    void aFullTargetFailsTheJobAndLeavesNoDicomdir() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("tiny"));
        boolean mounted = false;
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            mounted = mount.waitFor() == 0;
        } catch (java.io.IOException e) {
            mounted = false; // no mount command at all
        }
        try {
            Plan plan = plan(256, 30); // 30 x 128 KiB of pixels: more than 2 MiB
            FolderTarget target = mounted ? new FolderTarget(out, false) : new FolderTarget(out, false, fullAfter(2 << 20));
            CreateReport r = creator().create(plan, n -> target, Progress.NONE);
            CreateReport.MediumReport m = r.media().get(0);
            assertEquals(CreateReport.Outcome.FAILED, m.outcome());
            assertTrue(m.reason().contains("No space left on device"), m.reason());
            assertNotNull(m.staged());
            assertTrue(Files.isRegularFile(m.staged().resolve("DICOMDIR")), "staged files intact");
            assertFalse(Files.exists(out.resolve("DICOMDIR")));
        } finally {
            if (mounted) {
                new ProcessBuilder("umount", out.toString()).start().waitFor();
            }
        }
    }

    /** Copies like the default, then fails as a full device does once {@code limit} bytes were written. */
    private static FolderTarget.Copier fullAfter(long limit) {
        long[] written = {0};
        return (from, to) -> {
            long size = Files.size(from);
            if (written[0] + size > limit) {
                throw new java.io.IOException("No space left on device");
            }
            Files.copy(from, to);
            written[0] += size;
        };
    }
}
