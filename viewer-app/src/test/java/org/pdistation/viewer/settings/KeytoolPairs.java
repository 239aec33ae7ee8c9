package org.pdistation.viewer.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.pdistation.imaging.testing.Peers;

/**
 * Password-protected PKCS#12 stores as a site makes them with the JDK's keytool: a self-signed EC key pair per
 * node in {@code dir/NAME.p12}, every certificate also in {@code dir/trust.p12}, all under one password.
 */
public record KeytoolPairs(Path dir, String password) {
    private static String keytool() {
        Path p = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(p)) {
            throw Peers.unavailable("keytool not found at " + p);
        }
        return p.toString();
    }

    public Path trustStore() {
        return dir.resolve("trust.p12");
    }

    /** A new key pair in dir/name.p12, its certificate added to the trust store. */
    public Path keyPair(String name) {
        Path store = dir.resolve(name + ".p12");
        Path cer = dir.resolve(name + ".cer");
        Peers.run(Duration.ofSeconds(60), keytool(), "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=" + name, "-validity", "2", "-keystore", store.toString(), "-storetype",
                "PKCS12", "-storepass", password, "-keypass", password).requireSuccess();
        Peers.run(Duration.ofSeconds(60), keytool(), "-exportcert", "-alias", name, "-keystore", store.toString(),
                "-storepass", password, "-file", cer.toString()).requireSuccess();
        Peers.run(Duration.ofSeconds(60), keytool(), "-importcert", "-noprompt", "-alias", name, "-file",
                cer.toString(), "-keystore", trustStore().toString(), "-storetype", "PKCS12", "-storepass", password)
                .requireSuccess();
        return store;
    }
}
