package org.pdistation.imaging.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.imaging.testing.SharedData;

/** Our SCU to our SCP over TLS with mutual authentication, using key pairs made by the JDK's keytool. */
class TlsTest {
    private static final char[] PASSWORD = "changeit-test".toCharArray();

    private static Path keytool() {
        Path p = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(p)) {
            throw Peers.unavailable("keytool not found at " + p);
        }
        return p;
    }

    /** A self-signed EC key pair in {@code dir/name.p12} and its certificate in {@code dir/name.cer}. */
    private static Path keyPair(Path dir, String name) {
        Path store = dir.resolve(name + ".p12");
        String kt = keytool().toString();
        String pw = new String(PASSWORD);
        Peers.run(Duration.ofSeconds(60), kt, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=" + name, "-validity", "2", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", pw, "-keypass", pw).requireSuccess();
        Peers.run(Duration.ofSeconds(60), kt, "-exportcert", "-alias", name, "-keystore", store.toString(),
                "-storepass", pw, "-file", dir.resolve(name + ".cer").toString()).requireSuccess();
        return store;
    }

    /** A trust store holding the certificates {@code names}. */
    private static Path trust(Path dir, String storeName, String... names) {
        Path store = dir.resolve(storeName + ".p12");
        for (String n : names) {
            Peers.run(Duration.ofSeconds(60), keytool().toString(), "-importcert", "-noprompt", "-alias", n, "-file",
                    dir.resolve(n + ".cer").toString(), "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", new String(PASSWORD)).requireSuccess();
        }
        return store;
    }

    private static TlsConfig config(Path key, Path trust, boolean requireClientAuth) {
        return new TlsConfig(key, PASSWORD, trust, PASSWORD, TlsConfig.DEFAULT_PROTOCOLS, requireClientAuth);
    }

    @Test
    void echoAndStoreWorkOverMutuallyAuthenticatedTls(@TempDir Path dir) throws Exception {
        Path server = keyPair(dir, "server");
        Path client = keyPair(dir, "client");
        TlsConfig serverTls = config(server, trust(dir, "server-trust", "client"), true);
        TlsConfig clientTls = config(client, trust(dir, "client-trust", "server"), false);
        Path in = dir.resolve("in");
        try (DicomServer scp = DicomServer.start(new DicomServer.Config("TLSSCP", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT), new FolderSink(in), serverTls.serverSocketFactory())) {
            RemoteAe target = new RemoteAe("TLSSCP", "127.0.0.1", scp.port());
            assertEquals(Status.SUCCESS, EchoScu.echo(clientTls.socketFactory(), target, "PDI", NetOptions.DEFAULT));
            Path file = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
            List<StoreResult> results = new StoreScu(target, "PDI", NetOptions.DEFAULT, clientTls.socketFactory())
                    .store(List.of(file), 1, r -> { });
            assertEquals(StoreResult.Outcome.STORED, results.get(0).outcome(), results.get(0).describe());
            assertEquals(StoreScuInteropTest.dataSet(file).length, StoreScuInteropTest.dataSet(
                    in.resolve(results.get(0).sopInstanceUid() + ".dcm")).length);
        }
    }

    @Test
    void clientCertificateTheServerDoesNotTrustIsRefused(@TempDir Path dir) throws Exception {
        Path server = keyPair(dir, "server");
        keyPair(dir, "client");
        Path stranger = keyPair(dir, "stranger");
        TlsConfig serverTls = config(server, trust(dir, "server-trust", "client"), true);
        TlsConfig strangerTls = config(stranger, trust(dir, "stranger-trust", "server"), false);
        try (DicomServer scp = DicomServer.start(new DicomServer.Config("TLSSCP", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT), new FolderSink(dir.resolve("in")), serverTls.serverSocketFactory())) {
            RemoteAe target = new RemoteAe("TLSSCP", "127.0.0.1", scp.port());
            IOException e = assertThrows(IOException.class,
                    () -> EchoScu.echo(strangerTls.socketFactory(), target, "PDI", NetOptions.DEFAULT));
            assertTrue(e.getMessage().startsWith("TLS handshake with 127.0.0.1:" + scp.port() + " failed"),
                    e.toString());
        }
    }

    @Test
    void plainClientCannotTalkToTlsServer(@TempDir Path dir) throws Exception {
        Path server = keyPair(dir, "server");
        TlsConfig serverTls = config(server, null, false);
        try (DicomServer scp = DicomServer.start(new DicomServer.Config("TLSSCP", "127.0.0.1", 0, Set.of(), 4,
                NetOptions.DEFAULT.withArtimTimeout(Duration.ofSeconds(3))), new FolderSink(dir.resolve("in")),
                serverTls.serverSocketFactory())) {
            assertThrows(IOException.class, () -> EchoScu.echo(new RemoteAe("TLSSCP", "127.0.0.1", scp.port()), "PDI",
                    NetOptions.DEFAULT.withArtimTimeout(Duration.ofSeconds(3))));
        }
    }

    /** A modality (SCU with a TLS listener for reports) and a commitment SCP that reports on a new association. */
    private static CommitmentResult commitOverTls(Path dir, boolean scpHasTlsClientConfig) throws Exception {
        Path scpKey = keyPair(dir, "scp");
        Path modalityKey = keyPair(dir, "modality");
        TlsConfig scpTls = config(scpKey, trust(dir, "scp-trust", "modality"), true);
        TlsConfig modalityTls = config(modalityKey, trust(dir, "modality-trust", "scp"), true);
        CommitmentReceiver receiver = new CommitmentReceiver();
        try (DicomServer listener = DicomServer.start(new DicomServer.Config("MODALITY", "127.0.0.1", 0,
                Set.of("COMMITSCP"), 2, NetOptions.DEFAULT), new FolderSink(dir.resolve("unused")), modalityTls,
                new DicomServer.Hosting(null, receiver, List.of(), null))) {
            CommitmentPolicy policy = new CommitmentPolicy((sopClass, sopInstance) -> true,
                    Map.of("MODALITY", new RemoteAe("MODALITY", "127.0.0.1", listener.port())),
                    CommitmentPolicy.ReportMode.NEW_ASSOCIATION);
            DicomServer.Config config = new DicomServer.Config("COMMITSCP", "127.0.0.1", 0, Set.of(), 4,
                    NetOptions.DEFAULT);
            DicomServer.Hosting hosting = new DicomServer.Hosting(policy, null, List.of(), null);
            try (DicomServer scp = scpHasTlsClientConfig
                    ? DicomServer.start(config, new FolderSink(dir.resolve("archive")), scpTls, hosting)
                    : DicomServer.start(config, new FolderSink(dir.resolve("archive")), scpTls.serverSocketFactory(),
                            hosting)) {
                var scu = new StorageCommitmentScu(new RemoteAe("COMMITSCP", "127.0.0.1", scp.port()), "MODALITY",
                        NetOptions.DEFAULT, modalityTls.socketFactory(), receiver, Duration.ofMillis(100));
                return scu.commit(List.of(new CommitmentResult.SopRef(UID.CTImageStorage, "1.2.3.4.5.6")),
                        Duration.ofSeconds(4));
            }
        }
    }

    @Test
    void commitmentReportToATlsRequestorGoesOverTlsWithTheScpsConfiguration(@TempDir Path dir) throws Exception {
        // The modality listens for reports over TLS only: a report that arrives at all came over TLS, with the
        // SCP's own certificate (the listener requires a client certificate it trusts).
        CommitmentResult r = commitOverTls(dir, true);
        assertEquals(false, r.reportedOnSameAssociation());
        assertEquals(1, r.committed().size());
    }

    @Test
    void scpWithoutTlsClientConfigurationSendsNoReportInTheClear(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> commitOverTls(dir, false));
        assertTrue(e.getMessage().toLowerCase().contains("report") || e.getMessage().contains("within"),
                e.getMessage());
    }
}
