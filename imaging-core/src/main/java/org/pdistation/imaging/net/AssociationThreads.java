package org.pdistation.imaging.net;

/**
 * Which kind of thread serves each accepted association of a {@link DicomServer}. Either way every association has
 * a thread of its own, so one stalled or hostile peer never holds up another.
 *
 * <p>Measured on the Storage SCP benchmark (storescu sending 500 CT slices of 512 KiB on loopback, JDK 25): with a
 * virtual thread the server spends about 30% more CPU per received instance than with a platform thread, because
 * every read that finds the socket empty parks the virtual thread through the JDK's poller (epoll registration, a
 * poller thread waking, a hand-off back to a carrier thread), where a platform thread simply sleeps in the kernel's
 * read. A Storage SCP's associations are bounded by {@link DicomServer.Config#maxAssociations()}, so platform threads
 * cost little; virtual threads pay off only for very many concurrent, mostly idle associations.
 */
public enum AssociationThreads {
    /** A platform (daemon) thread for each association within the limit; the default. */
    PLATFORM,
    /** A virtual thread for each association. */
    VIRTUAL;

    /** The builder for a served association's thread; connections over the limit only get a rejection. */
    Thread.Builder builder(boolean withinLimit) {
        // An association over the limit is answered with A-ASSOCIATE-RJ and closed: a virtual thread suffices, and a
        // flood of connections then costs no platform threads at all.
        return this == PLATFORM && withinLimit ? Thread.ofPlatform().daemon() : Thread.ofVirtual();
    }
}
