package org.pdistation.viewer.settings;

import java.io.IOException;
import javax.net.SocketFactory;

import org.pdistation.imaging.net.TlsConfig;

/** Sockets to a PACS node: plain TCP, or TLS (PS3.15 B.9) with the station's key and trust stores. */
public final class Connections {
    private Connections() {}

    public static SocketFactory sockets(StationSettings s, PacsNode node) throws IOException {
        if (!node.tls()) return SocketFactory.getDefault();
        if (s.trustStore() == null) {
            throw new IOException("TLS is on for " + node.describe() + " but no trust store is set in the settings");
        }
        return tls(s).socketFactory();
    }

    /** The station's TLS stores with their passwords (PS3.15 B.9: TLS 1.3 or 1.2). */
    static TlsConfig tls(StationSettings s) {
        return new TlsConfig(s.keyStore(), s.keyStorePassword().toCharArray(), s.trustStore(),
                s.trustStorePassword().toCharArray(), TlsConfig.DEFAULT_PROTOCOLS, false);
    }
}
