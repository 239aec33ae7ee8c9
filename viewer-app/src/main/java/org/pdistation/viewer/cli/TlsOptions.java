package org.pdistation.viewer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

import org.pdistation.imaging.net.TlsConfig;

import picocli.CommandLine.Option;

/**
 * The {@code --tls…} options every network command shares (PS3.15 B.1/B.9: DICOM over TLS 1.2/1.3). Any of the
 * store options turns TLS on as {@code --tls} does.
 */
final class TlsOptions {
    @Option(names = "--tls", description = "use TLS (DICOM Secure Transport Connection)")
    boolean tls;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "PKCS12 key store with our key and certificate (required for scp)")
    Path keyStore;

    @Option(names = "--tls-keystore-pass", paramLabel = "PASSWORD", description = "its password", arity = "1")
    char[] keyStorePassword;

    @Option(names = "--tls-truststore", paramLabel = "FILE",
            description = "key store with the trusted peer certificates (default: the JDK's CA certificates)")
    Path trustStore;

    @Option(names = "--tls-truststore-pass", paramLabel = "PASSWORD", description = "its password", arity = "1")
    char[] trustStorePassword;

    @Option(names = "--tls-protocols", split = ",", paramLabel = "PROTOCOL",
            description = "enabled protocols (default: TLSv1.3,TLSv1.2)")
    List<String> protocols = TlsConfig.DEFAULT_PROTOCOLS;

    @Option(names = "--tls-no-client-auth", description = "scp: do not require a client certificate")
    boolean noClientAuth;

    boolean enabled() {
        return tls || keyStore != null || trustStore != null;
    }

    /** The configuration, or null without TLS. */
    TlsConfig config() {
        if (!enabled()) {
            return null;
        }
        for (String p : protocols) {
            if (!p.equals("TLSv1.2") && !p.equals("TLSv1.3")) {
                // PS3.15 B.9 (BCP 195): older protocols are not allowed.
                throw new IllegalArgumentException("TLS protocol '" + p + "' not allowed: TLSv1.3 or TLSv1.2");
            }
        }
        return new TlsConfig(keyStore, keyStorePassword, trustStore, trustStorePassword, protocols, !noClientAuth);
    }

    /** Plain TCP sockets, or TLS ones; IOException naming a store that cannot be loaded. */
    SocketFactory socketFactory() throws IOException {
        TlsConfig c = config();
        return c == null ? SocketFactory.getDefault() : c.socketFactory();
    }

    ServerSocketFactory serverSocketFactory() throws IOException {
        TlsConfig c = config();
        if (c != null && keyStore == null) {
            throw new IllegalArgumentException("a TLS server needs --tls-keystore with its key and certificate");
        }
        return c == null ? ServerSocketFactory.getDefault() : c.serverSocketFactory();
    }
}
