package org.pdistation.imaging.archive.service;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.net.ServerSocketFactory;

import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.NetOptions;

/** Starts the archive's DICOM services: Verification, Storage into the archive, Query/Retrieve, audited. */
public final class ArchiveServer {
    private ArchiveServer() {
    }

    /**
     * @param access who may store (its allow-list; empty: anyone) and query/retrieve, and the move destinations
     * @param lines          one line per association, without PHI
     */
    public static DicomServer start(Archive archive, String aet, String bindHost, int port, AccessPolicy access,
                                    NetOptions options, Consumer<String> lines) throws IOException {
        return start(archive, aet, bindHost, port, access, options, lines, null);
    }

    /** Like the other, telling {@code listener} of every instance stored (e.g. an auto-burner); may be null. */
    public static DicomServer start(Archive archive, String aet, String bindHost, int port, AccessPolicy access,
                                    NetOptions options, Consumer<String> lines, ArchiveSink.StoredListener listener)
            throws IOException {
        return start(archive, aet, bindHost, port, access, options, lines, listener, Set.of());
    }

    /**
     * Like the others, also answering to {@code alsoCalled} AE titles (an auto-burn rule's {@code BURN_CD}): the
     * listener is told which title a sender called, so that a rule can pick the studies sent to it.
     */
    public static DicomServer start(Archive archive, String aet, String bindHost, int port, AccessPolicy access,
                                    NetOptions options, Consumer<String> lines, ArchiveSink.StoredListener listener,
                                    Set<String> alsoCalled) throws IOException {
        DicomServer.Config config = new DicomServer.Config(aet, bindHost, port, access.allowed(), 32, options, null,
                alsoCalled);
        return DicomServer.start(config, new ArchiveSink(archive, listener), ServerSocketFactory.getDefault(),
                List.of(new QueryRetrieveService(archive, access, options)),
                new AuditTrail(archive.index(), lines));
    }
}
