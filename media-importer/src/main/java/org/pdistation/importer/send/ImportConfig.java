package org.pdistation.importer.send;

import java.time.Clock;
import java.time.Duration;

import javax.net.SocketFactory;

import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.importer.reconcile.ModifyingSystem;

/**
 * Where and how to send: the PACS, our AE title, network options and socket factory (TLS through
 * {@code TlsConfig.socketFactory()}), parallel associations, the retry policy for transient failures, and the
 * optional Storage Commitment check.
 */
public record ImportConfig(RemoteAe pacs, String callingAet, NetOptions net, SocketFactory sockets, int associations,
                           int maxAttempts, Duration firstBackoff, ModifyingSystem system, Clock clock,
                           CommitmentCheck commitment) {

    public static ImportConfig of(RemoteAe pacs, String callingAet, int associations) {
        return new ImportConfig(pacs, callingAet, NetOptions.DEFAULT, SocketFactory.getDefault(), associations, 5,
                Duration.ofMillis(500), new ModifyingSystem("PDI Station importer", "PDI medium"),
                Clock.systemUTC(), null);
    }

    public ImportConfig withRetry(int maxAttempts, Duration firstBackoff) {
        return new ImportConfig(pacs, callingAet, net, sockets, associations, maxAttempts, firstBackoff, system, clock,
                commitment);
    }

    /** Storage Commitment asked before the medium is declared imported (issue 6 item 4); null for none. */
    public ImportConfig withCommitment(CommitmentCheck check) {
        return new ImportConfig(pacs, callingAet, net, sockets, associations, maxAttempts, firstBackoff, system, clock,
                check);
    }

    /** The same with another socket factory (TLS: {@code TlsConfig.socketFactory()}). */
    public ImportConfig withSockets(SocketFactory factory) {
        return new ImportConfig(pacs, callingAet, net, factory, associations, maxAttempts, firstBackoff, system, clock,
                commitment);
    }
}
