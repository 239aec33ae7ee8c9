package org.pdistation.viewer.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.EchoScu;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.TlsConfig;
import org.pdistation.imaging.testing.Peers;

/** The station's settings open real, password-protected PKCS#12 stores as keytool makes them, and echo over TLS. */
class ConnectionsTest {
    private static final String PASSWORD = "station-tls-test";

    @TempDir
    Path dir;

    private static String keytool() {
        Path p = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(p)) {
            throw Peers.unavailable("keytool not found at " + p);
        }
        return p.toString();
    }

    /** A self-signed EC key pair in dir/name.p12, its certificate added to dir/trust.p12 (all under PASSWORD). */
    private Path keyPair(String name) {
        Path store = dir.resolve(name + ".p12");
        Path cer = dir.resolve(name + ".cer");
        Peers.run(Duration.ofSeconds(60), keytool(), "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=" + name, "-validity", "2", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD).requireSuccess();
        Peers.run(Duration.ofSeconds(60), keytool(), "-exportcert", "-alias", name, "-keystore", store.toString(),
                "-storepass", PASSWORD, "-file", cer.toString()).requireSuccess();
        Peers.run(Duration.ofSeconds(60), keytool(), "-importcert", "-noprompt", "-alias", name, "-file",
                cer.toString(), "-keystore", dir.resolve("trust.p12").toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD).requireSuccess();
        return store;
    }

    private DicomServer tlsServer(Path serverKeys) throws IOException {
        TlsConfig tls = new TlsConfig(serverKeys, PASSWORD.toCharArray(), dir.resolve("trust.p12"),
                PASSWORD.toCharArray(), TlsConfig.DEFAULT_PROTOCOLS, true);
        return DicomServer.start(new DicomServer.Config("TLSSCP", "127.0.0.1", 0, Set.of(), 2, NetOptions.DEFAULT),
                new FolderSink(dir.resolve("in")), tls.serverSocketFactory());
    }

    @Test
    void echoOverTlsWithThePasswordProtectedStoresOfTheSettingsSucceeds() throws Exception {
        Path server = keyPair("scp");
        Path client = keyPair("station");
        try (DicomServer s = tlsServer(server)) {
            PacsNode node = new PacsNode("Secure PACS", "TLSSCP", "localhost", s.port(), true);
            StationSettings settings = StationSettings.defaults().withNodes(List.of(node))
                    .withTls(client, PASSWORD, dir.resolve("trust.p12"), PASSWORD);
            assertEquals(0, EchoScu.echo(Connections.sockets(settings, node), node.remoteAe(), settings.aeTitle(),
                    NetOptions.DEFAULT).code());
        }
    }

    @Test
    void aWrongStorePasswordIsAnErrorNamingTheStore() throws Exception {
        Path client = keyPair("station");
        PacsNode node = new PacsNode("Secure PACS", "TLSSCP", "localhost", 2762, true);
        StationSettings settings = StationSettings.defaults()
                .withTls(client, "not-the-password", dir.resolve("trust.p12"), PASSWORD);
        IOException e = assertThrows(IOException.class, () -> Connections.sockets(settings, node));
        assertTrue(e.getMessage().contains(client.toString()), e.getMessage());
    }

    @Test
    void aPlainNodeIgnoresTheTlsSettings() throws Exception {
        PacsNode node = new PacsNode("PACS", "PACS", "localhost", 104, false);
        StationSettings settings = StationSettings.defaults().withTls(dir.resolve("missing.p12"), "x", null, "");
        assertEquals(javax.net.SocketFactory.getDefault(), Connections.sockets(settings, node));
    }
}
