package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.synth.SyntheticCtStudy;

class ArchiveCommandTest extends InProcessCli {
    @TempDir
    Path tmp;

    @Test
    void addListCheckAndDeleteAStudy() throws Exception {
        Path src = tmp.resolve("src");
        new SyntheticCtStudy(32, 6, 3).write(src, 6);
        String dir = tmp.resolve("arch").toString();
        assertEquals(0, runAlone("archive", "add", "--dir", dir, src.toString()), err.toString());
        assertTrue(out.toString().contains("STORED=6"), out.toString());
        assertEquals(0, runAlone("archive", "ls", "--dir", dir, "--modality", "CT"), err.toString());
        assertTrue(out.toString().contains("1 study"), out.toString());
        String studyUid = out.toString().lines().findFirst().orElseThrow().split("\t")[5];
        assertEquals(0, runAlone("archive", "ls", "--dir", dir, "--level", "instance"), err.toString());
        assertTrue(out.toString().contains("6 instance rows"), out.toString());
        assertEquals(0, runAlone("archive", "check", "--deep", "--dir", dir), err.toString());
        assertEquals(0, runAlone("archive", "delete", "--dir", dir, studyUid), err.toString());
        assertTrue(out.toString().contains("deleted 6 instances"), out.toString());
        assertEquals(0, runAlone("archive", "ls", "--dir", dir), err.toString());
        assertTrue(out.toString().contains("0 study rows"), out.toString());
    }

    @Test
    void addDoesNotFollowALinkOnTheMediumToAFileOutsideIt() throws Exception {
        // A USB stick or a Rock Ridge image can carry symbolic links; one to a DICOM file elsewhere on this
        // computer (another patient's) must not be archived as if it were on the medium.
        java.util.List<Path> outside = new SyntheticCtStudy(16, 1, 4).write(tmp.resolve("elsewhere"), 1);
        Path medium = tmp.resolve("medium");
        new SyntheticCtStudy(16, 2, 5).write(medium, 2);
        java.nio.file.Files.createSymbolicLink(medium.resolve("LINK"), outside.get(0));
        java.nio.file.Files.createSymbolicLink(medium.resolve("LINKDIR"), tmp.resolve("elsewhere"));
        String dir = tmp.resolve("arch").toString();
        assertEquals(0, runAlone("archive", "add", "--dir", dir, medium.toString()), err.toString());
        assertTrue(out.toString().contains("STORED=2") && out.toString().contains("0 not added"), out.toString());
    }

    @Test
    void jobsListsBurnJobsWithTheirStates() throws Exception {
        String dir = tmp.resolve("arch").toString();
        try (var a = org.pdistation.imaging.archive.Archive.open(Path.of(dir))) {
            var store = new org.pdistation.imaging.archive.burn.BurnJobStore(a.index());
            store.enqueue("cd", "1.2.3");
            long failed = store.enqueue("cd", "1.2.4").id();
            store.update(failed, org.pdistation.imaging.archive.burn.BurnState.FAILED, "the disc is full");
        }
        assertEquals(0, runAlone("archive", "jobs", "--dir", dir), err.toString());
        assertTrue(out.toString().contains("\tcd\tqueued\t"), out.toString());
        assertTrue(out.toString().contains("\tfailed\t") && out.toString().contains("the disc is full"),
                out.toString());
        assertTrue(out.toString().contains("2 jobs"), out.toString());
        assertEquals(0, runAlone("archive", "jobs", "--unfinished", "--dir", dir), err.toString());
        assertTrue(out.toString().contains("1 job"), out.toString());
    }

    @Test
    void aBadAutoBurnRuleIsAUsageErrorBeforeServing() {
        assertEquals(2, runAlone("archive", "serve", "--dir", tmp.resolve("arch").toString(), "--port", "0",
                "--auto-burn", "called=BURN_CD"));
        assertTrue(err.toString().contains("no target"), err.toString());
    }
}
