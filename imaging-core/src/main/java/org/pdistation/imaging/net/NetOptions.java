package org.pdistation.imaging.net;

import java.time.Duration;

/**
 * Timeouts and sizes of one side of an association.
 *
 * @param maxPduLength   the largest P-DATA-TF PDU we accept, announced in our user information (PS3.7 D.3.3.1)
 * @param connectTimeout TCP connect timeout
 * @param artimTimeout   ARTIM (PS3.8 9.1.5): waiting for A-ASSOCIATE-RQ after accepting a connection, for
 *                       A-ASSOCIATE-AC/RJ after requesting, and for A-RELEASE-RP after releasing
 * @param readTimeout    longest silence from the peer while the association is established (a DIMSE response or
 *                       the next fragment of a message), and longest a write may stay blocked because the peer
 *                       does not read (enforced by a watchdog: sockets have no write timeout)
 */
public record NetOptions(int maxPduLength, Duration connectTimeout, Duration artimTimeout, Duration readTimeout) {
    /** 256 KiB PDUs keep the per-PDU overhead negligible for image data (PS3.8 allows up to 2^32-1). */
    public static final NetOptions DEFAULT = new NetOptions(256 * 1024, Duration.ofSeconds(10),
            Duration.ofSeconds(10), Duration.ofSeconds(60));

    public NetOptions {
        if (maxPduLength < 1024 || maxPduLength > (64 << 20)) {
            throw new IllegalArgumentException("max PDU length " + maxPduLength + " outside 1 KiB..64 MiB");
        }
    }

    public NetOptions withArtimTimeout(Duration d) {
        return new NetOptions(maxPduLength, connectTimeout, d, readTimeout);
    }

    public NetOptions withReadTimeout(Duration d) {
        return new NetOptions(maxPduLength, connectTimeout, artimTimeout, d);
    }

    public NetOptions withMaxPduLength(int length) {
        return new NetOptions(length, connectTimeout, artimTimeout, readTimeout);
    }
}
