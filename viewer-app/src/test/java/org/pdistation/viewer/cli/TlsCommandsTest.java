package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.testing.Peers;

import picocli.CommandLine;

/** The --tls options: echo over TLS 1.3/1.2 to our scp, with key pairs made by the JDK's keytool. */
class TlsCommandsTest extends InProcessCli {
    private static final String PASSWORD = "cli-tls-test";

    @TempDir
    Path dir;

    private static String keytool() {
        Path p = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(p)) {
            throw Peers.unavailable("keytool not found at " + p);
        }
        return p.toString();
    }

    /** A self-signed EC key pair in dir/name.p12, its certificate added to dir/trust.p12. */
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

    /** Our scp as the {@code scp} command would start it, from the same options (it would then block). */
    private DicomServer scp(String... tlsArgs) throws Exception {
        ScpCommand scp = new ScpCommand();
        String[] args = new String[tlsArgs.length + 6];
        args[0] = "--aet";
        args[1] = "TLSSCP";
        args[2] = "--dir";
        args[3] = dir.resolve("in").toString();
        args[4] = "--port";
        args[5] = "0";
        System.arraycopy(tlsArgs, 0, args, 6, tlsArgs.length);
        new CommandLine(scp).parseArgs(args);
        return DicomServer.start(new DicomServer.Config("TLSSCP", "127.0.0.1", 0, Set.of(), 4, NetOptions.DEFAULT),
                new FolderSink(dir.resolve("in")), scp.tls.serverSocketFactory());
    }

    @Test
    void echoOverTlsWithClientCertificatesSucceeds() throws Exception {
        Path server = keyPair("scp");
        Path client = keyPair("scu");
        String trust = dir.resolve("trust.p12").toString();
        try (DicomServer s = scp("--tls-keystore", server.toString(), "--tls-keystore-pass", PASSWORD,
                "--tls-truststore", trust, "--tls-truststore-pass", PASSWORD)) {
            String peer = "TLSSCP@localhost:" + s.port();
            assertEquals(0, run("echo", "--tls", "--tls-keystore", client.toString(), "--tls-keystore-pass",
                    PASSWORD, "--tls-truststore", trust, "--tls-truststore-pass", PASSWORD, "--tls-protocols",
                    "TLSv1.3,TLSv1.2", peer), err.toString());
            assertTrue(out.toString().contains("0000 Success"), out.toString());

            // Without our certificate the scp (client authentication required) refuses the connection.
            assertEquals(1, run("echo", "--tls-truststore", trust, "--tls-truststore-pass", PASSWORD, peer));
            assertTrue(err.toString().contains("TLS"), err.toString());
        }
    }

    @Test
    void scpWithoutClientAuthAcceptsAnAnonymousTls12Client() throws Exception {
        Path server = keyPair("scp");
        String trust = dir.resolve("trust.p12").toString();
        try (DicomServer s = scp("--tls", "--tls-keystore", server.toString(), "--tls-keystore-pass", PASSWORD,
                "--tls-no-client-auth")) {
            assertEquals(0, run("echo", "--tls-truststore", trust, "--tls-truststore-pass", PASSWORD,
                    "--tls-protocols", "TLSv1.2", "TLSSCP@localhost:" + s.port()), err.toString());
        }
    }

    @Test
    void oldProtocolsAreRefusedAsAUsageError() {
        assertEquals(2, run("find", "--tls", "--tls-protocols", "TLSv1", "QR@127.0.0.1:104"));
        assertTrue(err.toString().contains("not allowed"), err.toString());
    }
}
