package org.pdistation.imaging.archive.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Instant;

import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.IngestOutcome;
import org.pdistation.imaging.net.StorageSink;
import org.pdistation.imaging.net.dimse.Status;

/** The Storage SCP's sink into the archive: each received instance filed and indexed before the response. */
public final class ArchiveSink implements StorageSink {
    /** PS3.4 B.2.3: a warning status for "stored, but not as sent" — here, a conflicting re-send kept out. */
    static final Status DUPLICATE_CONFLICT = new Status(0xB000);
    private final Archive archive;
    private final StoredListener listener;

    /** Told of every instance filed (new or duplicate), e.g. to detect complete studies for auto-burning. */
    @FunctionalInterface
    public interface StoredListener {
        void stored(String callingAet, String calledAet, String studyUid, Instant at);
    }

    public ArchiveSink(Archive archive) {
        this(archive, null);
    }

    public ArchiveSink(Archive archive, StoredListener listener) {
        this.archive = archive;
        this.listener = listener;
    }

    @Override
    public Status store(StoreRequest rq, InputStream data) throws IOException {
        String uid = rq.sopInstanceUid();
        // PS3.5 9.1: a UID is digits and dots, at most 64 characters.
        if (uid == null || uid.isEmpty() || uid.length() > 64 || !uid.matches("[0-9.]+")) {
            data.transferTo(OutputStream.nullOutputStream());
            return Status.CANNOT_UNDERSTAND;
        }
        try {
            IngestOutcome o = archive.ingest(rq, data, rq.callingAet());
            if (listener != null) {
                var stored = archive.index().findInstance(uid);
                if (stored.isPresent()) {
                    listener.stored(rq.callingAet(), rq.calledAet(), stored.get().studyUid(), Instant.now());
                }
            }
            return o == IngestOutcome.CONFLICT_KEPT_FIRST ? DUPLICATE_CONFLICT : Status.SUCCESS;
        } catch (SQLException e) {
            throw new IOException("archive index: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // The data set lacks a key the archive files by, or disagrees with the command.
            return Status.CANNOT_UNDERSTAND;
        }
    }
}
