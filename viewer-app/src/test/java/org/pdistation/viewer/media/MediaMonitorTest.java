package org.pdistation.viewer.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media appear when a folder with a DICOMDIR is mounted under a watched parent and disappear when it goes. */
class MediaMonitorTest {
    @Test
    void reportsAMediumWhenItIsMountedAndAgainWhenItIsRemoved(@TempDir Path mounts, @TempDir Path staging)
            throws Exception {
        try (MediaMonitor m = new MediaMonitor(List.of(mounts))) {
            assertNull(m.poll());
            Files.createDirectories(mounts.resolve("EMPTY_STICK")); // a stick without DICOM data is not offered
            assertNull(m.poll());
            // Mounting: the folder appears whole (built beside, then moved in, as a mount appears).
            BrokenDiscs.good(staging.resolve("CT_DISC"), 2);
            Files.move(staging.resolve("CT_DISC"), mounts.resolve("CT_DISC"));
            MediaMonitor.Change in = m.poll();
            assertEquals(List.of(new DetectedMedium(mounts.resolve("CT_DISC"), "CT_DISC")), in.added());
            assertEquals(in.added(), in.now());
            assertNull(m.poll()); // unchanged
            BrokenDiscs.delete(mounts.resolve("CT_DISC"));
            MediaMonitor.Change out = m.poll();
            assertEquals("CT_DISC", out.removed().get(0).name());
            assertEquals(List.of(), out.now());
        }
    }

    @Test
    void aMountFolderFilledAfterItAppearedIsStillReported(@TempDir Path mounts) throws Exception {
        try (MediaMonitor m = new MediaMonitor(List.of(mounts))) {
            Files.createDirectories(mounts.resolve("DISC"));
            assertNull(m.poll()); // the desktop made the folder; the file system is not mounted on it yet
            BrokenDiscs.good(mounts.resolve("DISC"), 1);
            assertEquals("DISC", m.poll().added().get(0).name());
        }
    }
}
