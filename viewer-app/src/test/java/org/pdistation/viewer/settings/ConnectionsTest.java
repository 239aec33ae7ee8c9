package org.pdistation.viewer.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.EchoScu;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.TlsConfig;

/** The station's settings open real, password-protected PKCS#12 stores as keytool makes them, and echo over TLS. */
class ConnectionsTest {
    private static final String PASSWORD = "station-tls-test";

    @TempDir
    Path dir;

    private Path keyPair(String name) {
        return new KeytoolPairs(dir, PASSWORD).keyPair(name);
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
