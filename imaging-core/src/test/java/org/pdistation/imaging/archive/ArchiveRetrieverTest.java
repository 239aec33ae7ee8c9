package org.pdistation.imaging.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.archive.service.AccessPolicy;
import org.pdistation.imaging.archive.service.ArchiveRetriever;
import org.pdistation.imaging.archive.service.ArchiveServer;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;

/** One archive plays the remote PACS, another retrieves from it by C-GET and by C-MOVE. */
class ArchiveRetrieverTest {
    @TempDir
    Path tmp;

    @Test
    void retrievesEveryMatchingStudyByGetAndByMove() throws Exception {
        int stationPort = Peers.freeLoopbackPort();
        try (Archive pacs = Archive.open(tmp.resolve("pacs"));
             Archive station = Archive.open(tmp.resolve("station"));
             Archive station2 = Archive.open(tmp.resolve("station2"))) {
            for (int seed = 1; seed <= 2; seed++) {
                for (Path f : new SyntheticCtStudy(32, 4, seed).write(Files.createDirectories(tmp.resolve("s" + seed)),
                        4)) {
                    pacs.addFile(f, "T");
                }
            }
            List<String> studies = pacs.index().studiesOldestFirst().stream().map(s -> s.studyUid()).toList();
            AccessPolicy pacsAccess = new AccessPolicy(Set.of(),
                    Map.of("STATION", new RemoteAe("STATION", "127.0.0.1", stationPort)));
            try (DicomServer p = ArchiveServer.start(pacs, "PACS", "127.0.0.1", 0, pacsAccess, NetOptions.DEFAULT,
                    l -> { });
                 DicomServer s = ArchiveServer.start(station2, "STATION", "127.0.0.1", stationPort,
                         new AccessPolicy(Set.of(), Map.of()), NetOptions.DEFAULT, l -> { })) {
                RemoteAe remote = new RemoteAe("PACS", "127.0.0.1", p.port());
                ArchiveRetriever.Result got = new ArchiveRetriever(station, remote, "STATION", NetOptions.DEFAULT)
                        .retrieve(new Dataset(), ArchiveRetriever.Method.GET);
                assertEquals(Set.copyOf(studies), Set.copyOf(got.localStudies()), got.failures().toString());
                assertEquals(8, station.index().allInstances().size());
                ArchiveRetriever.Result moved = new ArchiveRetriever(station2, remote, "STATION",
                        NetOptions.DEFAULT).retrieve(new Dataset(), ArchiveRetriever.Method.MOVE);
                assertEquals(Set.copyOf(studies), Set.copyOf(moved.localStudies()), moved.failures().toString());
                assertTrue(moved.failures().isEmpty());
                assertEquals(8, station2.index().allInstances().size());
            }
        }
    }
}
