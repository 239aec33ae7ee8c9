package org.pdistation.viewer.settings;

import org.pdistation.imaging.net.RemoteAe;

/**
 * A DICOM node the station sends to and queries (PS3.8: an Application Entity reached at a host and port).
 *
 * @param name a name for people ("Main PACS")
 * @param tls  whether associations to it go over TLS (PS3.15 B.9) with the station's TLS files
 */
public record PacsNode(String name, String aet, String host, int port, boolean tls) {
    public PacsNode {
        RemoteAe.checkAet(aet);
        if (host == null || host.isBlank()) throw new IllegalArgumentException("a PACS node needs a host");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port + " is not 1-65535");
        name = name == null || name.isBlank() ? aet : name.strip();
    }

    public RemoteAe remoteAe() {
        return new RemoteAe(aet, host, port);
    }

    /** "Main PACS (AET@host:port)" for lists. */
    public String describe() {
        return name + " (" + aet + "@" + host + ":" + port + (tls ? ", TLS" : "") + ")";
    }
}
