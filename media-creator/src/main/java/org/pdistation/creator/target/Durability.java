package org.pdistation.creator.target;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes what was written to a folder target durable before the job is reported DONE.
 *
 * <p>On Linux one {@code sync -f} (syncfs(2) of the target's file system) flushes every file and folder entry
 * written, in one batch the kernel orders for the device; a USB stick is then safe to pull. Elsewhere (or when
 * {@code sync} is missing) each file and folder is forced in one pass at the end. Either way nothing is synced while
 * files are still being copied, which would make each file wait for the device.
 */
final class Durability {
    private static final Path SYNC = List.of(Path.of("/usr/bin/sync"), Path.of("/bin/sync")).stream()
            .filter(Files::isExecutable).findFirst().orElse(null);

    private Durability() {}

    /**
     * @param root   a path on the target's file system
     * @param files  files written (forced one by one only when a file-system flush is not available)
     * @param dirs   folders whose entries changed (likewise)
     */
    static void flush(Path root, List<Path> files, List<Path> dirs) throws IOException {
        if (SYNC != null && syncFileSystem(root)) {
            return;
        }
        for (Path f : files) {
            force(f);
        }
        for (Path d : dirs) {
            force(d);
        }
    }

    private static boolean syncFileSystem(Path root) {
        try {
            Process p = new ProcessBuilder(SYNC.toString(), "-f", root.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void force(Path p) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(p)) {
                throw e; // a folder cannot be opened for sync on every platform (Windows); its files were
            }
        }
    }
}
