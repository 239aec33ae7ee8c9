package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pdistation.imaging.net.AssociationObserver;
import org.pdistation.imaging.net.CommitmentPolicy;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.net.TlsConfig;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.viewer.settings.KeytoolPairs;

/**
 * {@code import --commit --commit-port P --tls …}: the "PACS" is our DicomServer over TLS as Storage Commitment SCP
 * that reports on a new association (PS3.4 J.3.3.1.2) with its TLS client configuration; the station's report
 * listener must speak TLS too, or the report never arrives and the import is not complete.
 */
class ImportCommitTlsTest extends InProcessCli {
    private static final String PASSWORD = "commit-tls-test";

    @TempDir
    Path dir;

    @Test
    void theCommitmentReportOnANewTlsAssociationReachesTheStationsTlsListener() throws Exception {
        KeytoolPairs pairs = new KeytoolPairs(dir, PASSWORD);
        Path pacsKey = pairs.keyPair("pacs");
        Path stationKey = pairs.keyPair("station");
        Path medium = dir.resolve("medium");
        new SyntheticCtStudy(16, 3, 43).write(medium, 1);
        TlsConfig pacsTls = new TlsConfig(pacsKey, PASSWORD.toCharArray(), pairs.trustStore(),
                PASSWORD.toCharArray(), TlsConfig.DEFAULT_PROTOCOLS, true);
        int reportPort = Peers.freeLoopbackPort();
        FolderSink store = new FolderSink(dir.resolve("pacs-store"));
        CommitmentPolicy commitment = new CommitmentPolicy(store::holds,
                Map.of("STATION", new RemoteAe("STATION", "127.0.0.1", reportPort)),
                CommitmentPolicy.ReportMode.NEW_ASSOCIATION);
        try (DicomServer pacs = DicomServer.start(new DicomServer.Config("PACS", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT), store, pacsTls, new DicomServer.Hosting(commitment, null, List.of(),
                AssociationObserver.NONE))) {
            int rc = run("import", "--pacs", "PACS@127.0.0.1:" + pacs.port(), "--calling-aet", "STATION",
                    "--journal", dir.resolve("journal.db").toString(), "--patient-id", "LOCAL7", "--issuer", "HOSP",
                    "--patient-name", "Local^Seven", "--commit", "--commit-port", Integer.toString(reportPort),
                    "--tls", "--tls-keystore", stationKey.toString(), "--tls-keystore-pass", PASSWORD,
                    "--tls-truststore", pairs.trustStore().toString(), "--tls-truststore-pass", PASSWORD,
                    medium.toString());
            assertEquals(0, rc, out + "" + err);
            // Every instance stored and committed: an uncommitted one would be counted as failed.
            long files;
            try (Stream<Path> s = Files.walk(medium)) {
                files = s.filter(Files::isRegularFile).count();
            }
            assertTrue(out.toString().contains("stored " + files + ", warnings 0, failed 0"), out.toString());
        }
    }
}
