package org.pdistation.imaging.net;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Storage Commitment SCU's side of the N-EVENT-REPORT (PS3.4 J.3.3.1.3): the transactions waiting for their
 * report, completed from whichever association the report arrives on. Give one to a {@link DicomServer} (so that
 * the SCP can open an association to us in the SCP role) and to the {@link StorageCommitmentScu}s that use it.
 */
public final class CommitmentReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(CommitmentReceiver.class);

    private final Map<String, CompletableFuture<CommitmentResult>> pending = new ConcurrentHashMap<>();

    /** Starts waiting for the report of {@code transactionUid}. */
    CompletableFuture<CommitmentResult> register(String transactionUid) {
        CompletableFuture<CommitmentResult> f = new CompletableFuture<>();
        if (pending.putIfAbsent(transactionUid, f) != null) {
            throw new IllegalStateException("transaction " + transactionUid + " is already pending");
        }
        return f;
    }

    /** Stops waiting (after the report, or when the SCU gave up). */
    void forget(String transactionUid) {
        pending.remove(transactionUid);
    }

    /** Transactions waiting for their report. */
    public int pendingCount() {
        return pending.size();
    }

    /**
     * Serves an N-EVENT-REPORT-RQ that arrived on {@code a} (a DicomServer association): reads the Event
     * Information, completes the waiting transaction and answers the N-EVENT-REPORT-RSP.
     */
    void serve(Association a, Association.Command c) throws IOException {
        Dataset rsp;
        try {
            CommitmentResult result = readEvent(a, c, false);
            CompletableFuture<CommitmentResult> f = pending.get(result.transactionUid());
            if (f == null) {
                // A report after we gave up, or for another application: the SCP learns that it was not taken.
                LOG.info("N-EVENT-REPORT from {} for unknown transaction {}", a.callingAet(),
                        result.transactionUid());
                rsp = failure(c.command(), Status.PROCESSING_FAILURE, "unknown Transaction UID");
            } else {
                f.complete(result);
                rsp = Commands.response(c.command(), Status.SUCCESS);
            }
        } catch (BadEvent e) {
            rsp = failure(c.command(), e.status, e.getMessage());
        }
        a.sendCommand(c.contextId(), rsp);
    }

    /**
     * Reads the Event Information of an N-EVENT-REPORT-RQ (its data set must still be unread) and checks it is a
     * Storage Commitment report; {@link BadEvent} (data set consumed) when it is not one we understand.
     */
    static CommitmentResult readEvent(Association a, Association.Command c, boolean sameAssociation)
            throws IOException {
        Dataset cmd = c.command();
        PresentationContext pc = a.contexts().get(c.contextId());
        if (!Commands.hasDataSet(cmd)) {
            throw new BadEvent(Status.MISSING_ATTRIBUTE, "N-EVENT-REPORT without Event Information");
        }
        byte[] data = a.readData();
        if (!StorageCommitment.SOP_CLASS.equals(pc.abstractSyntax())
                || !StorageCommitment.SOP_CLASS.equals(cmd.getString(Tag.AffectedSOPClassUID))) {
            throw new BadEvent(Status.NO_SUCH_SOP_CLASS, "not a Storage Commitment event");
        }
        int type = cmd.getInt(Tag.EventTypeID, -1);
        if (type != StorageCommitment.EVENT_SUCCESS && type != StorageCommitment.EVENT_FAILURES_PRESENT) {
            // PS3.7 10.1.1.1.8 / C.5.x: 0113H no such event type.
            throw new BadEvent(new Status(0x0113), "Event Type ID " + type);
        }
        Dataset info;
        try {
            info = Dimse.decode(data, pc.transferSyntax());
        } catch (IOException e) {
            throw new BadEvent(Status.PROCESSING_FAILURE, "undecodable Event Information: " + e.getMessage());
        }
        if (info.getString(Tag.TransactionUID) == null) {
            throw new BadEvent(Status.MISSING_ATTRIBUTE, "Event Information without Transaction UID");
        }
        return StorageCommitment.parseEvent(info, sameAssociation);
    }

    static Dataset failure(Dataset rq, Status status, String comment) {
        Dataset rsp = Commands.response(rq, status);
        rsp.setString(Tag.ErrorComment, VR.LO, comment.length() > 64 ? comment.substring(0, 64) : comment);
        return rsp;
    }

    /** An N-EVENT-REPORT we answer with a failure status instead of ending the association. */
    static final class BadEvent extends IOException {
        final transient Status status;

        BadEvent(Status status, String message) {
            super(message);
            this.status = status;
        }
    }
}
