package org.pdistation.imaging.archive.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.IngestOutcome;
import org.pdistation.imaging.net.StorageSink;
import org.pdistation.imaging.net.dimse.Status;

/** The Storage SCP's sink into the archive: each received instance filed and indexed before the response. */
public final class ArchiveSink implements StorageSink {
    /** PS3.4 B.2.3: a warning status for "stored, but not as sent" — here, a conflicting re-send kept out. */
    static final Status DUPLICATE_CONFLICT = new Status(0xB000);
    private final Archive archive;

    public ArchiveSink(Archive archive) {
        this.archive = archive;
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
            return o == IngestOutcome.CONFLICT_KEPT_FIRST ? DUPLICATE_CONFLICT : Status.SUCCESS;
        } catch (IllegalArgumentException e) {
            // The data set lacks a key the archive files by, or disagrees with the command.
            return Status.CANNOT_UNDERSTAND;
        }
    }
}
