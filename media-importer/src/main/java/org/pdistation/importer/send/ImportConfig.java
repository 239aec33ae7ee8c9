package org.pdistation.importer.send;

import java.time.Clock;
import java.time.Duration;

import javax.net.SocketFactory;

import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.importer.reconcile.ModifyingSystem;

/**
 * Where and how to send: the PACS, our AE title, network options and socket factory (TLS through
 * {@code TlsConfig.socketFactory()}), parallel associations, and the retry policy for transient failures.
 */
public record ImportConfig(RemoteAe pacs, String callingAet, NetOptions net, SocketFactory sockets, int associations,
                           int maxAttempts, Duration firstBackoff, ModifyingSystem system, Clock clock) {

    public static ImportConfig of(RemoteAe pacs, String callingAet, int associations) {
        return new ImportConfig(pacs, callingAet, NetOptions.DEFAULT, SocketFactory.getDefault(), associations, 5,
                Duration.ofMillis(500), new ModifyingSystem("PDI Station importer", "PDI medium"),
                Clock.systemUTC());
    }

    public ImportConfig withRetry(int maxAttempts, Duration firstBackoff) {
        return new ImportConfig(pacs, callingAet, net, sockets, associations, maxAttempts, firstBackoff, system, clock);
    }
}
