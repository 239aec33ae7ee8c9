package org.pdistation.imaging.archive;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.pdistation.imaging.archive.service.AccessPolicy;
import org.pdistation.imaging.archive.service.ArchiveServer;
import org.pdistation.imaging.net.NetOptions;

/** Runs an archive SCP in a child JVM until killed: {@code ArchiveServeMain DIR PORT}. */
public final class ArchiveServeMain {
    private ArchiveServeMain() {
    }

    public static void main(String[] args) throws Exception {
        Archive archive = Archive.open(Path.of(args[0]));
        ArchiveServer.start(archive, "ARCH", "127.0.0.1", Integer.parseInt(args[1]),
                new AccessPolicy(Set.of(), Map.of()), NetOptions.DEFAULT, line -> { });
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
