package org.pdistation.imaging.net;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.SocketFactory;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.media.DicomDirWriter;
import org.pdistation.imaging.net.CommitmentResult.SopRef;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.PresentationContextRq;

/**
 * Storage Commitment Push Model SCU (PS3.4 J.3): asks the SCP by N-ACTION to commit to keeping instances, then
 * waits for its N-EVENT-REPORT, on the same association (while we hold it open) or on an association the SCP opens
 * to us, which a {@link DicomServer} started with the same {@link CommitmentReceiver} accepts.
 */
public final class StorageCommitmentScu {
    /** How often the open N-ACTION association is checked while the report may also come on another one. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final Requestor requestor;
    private final RemoteAe target;
    private final CommitmentReceiver receiver;
    private final Duration holdAssociation;

    /**
     * @param receiver        the receiver of our DicomServer for reports on a new association, or null when we can
     *                        take the report only on the N-ACTION's association
     * @param holdAssociation how long the N-ACTION association is kept open for the report before it is released
     *                        (with no receiver it is held for the whole timeout)
     */
    public StorageCommitmentScu(RemoteAe target, String callingAet, NetOptions options, SocketFactory sockets,
                                CommitmentReceiver receiver, Duration holdAssociation) {
        this(new Requestor(target, callingAet, options, sockets, null), receiver, holdAssociation);
    }

    /** With the shared association setup, e.g. carrying a User Identity (PS3.7 D.3.3.7). */
    public StorageCommitmentScu(Requestor requestor, CommitmentReceiver receiver, Duration holdAssociation) {
        this.requestor = requestor;
        this.target = requestor.target();
        this.receiver = receiver;
        this.holdAssociation = holdAssociation;
    }

    /**
     * Requests commitment for {@code refs} and returns the SCP's report; IOException when the SCP refuses the
     * N-ACTION or no report arrives within {@code timeout}.
     */
    public CommitmentResult commit(List<SopRef> refs, Duration timeout) throws IOException {
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("no SOP instances to commit");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String tx = DicomDirWriter.newUid();
        CompletableFuture<CommitmentResult> elsewhere = receiver == null ? null : receiver.register(tx);
        try {
            CommitmentResult onSame = requestAndHold(tx, refs, deadline, elsewhere);
            if (onSame != null) {
                return onSame;
            }
            if (elsewhere == null) {
                throw timeout(tx, timeout);
            }
            try {
                return elsewhere.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw timeout(tx, timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for the Storage Commitment report", e);
            } catch (ExecutionException e) {
                throw new IOException("Storage Commitment report failed: " + e.getCause().getMessage(), e);
            }
        } finally {
            if (receiver != null) {
                receiver.forget(tx);
            }
        }
    }

    /**
     * Sends the N-ACTION, then keeps the association for the report: returns it when it came here, null when the
     * association ended first (released by us or the peer) or the report arrived elsewhere.
     */
    private CommitmentResult requestAndHold(String tx, List<SopRef> refs, long deadline,
                                            CompletableFuture<CommitmentResult> elsewhere) throws IOException {
        Association a = requestor.open(List.of(new PresentationContextRq(1, StorageCommitment.SOP_CLASS, Dimse.UNCOMPRESSED)), List.of());
        try {
            PresentationContext pc = Dimse.context(a, target, StorageCommitment.SOP_CLASS);
            int id = a.nextMessageId();
            a.sendCommand(pc.id(), Commands.nActionRq(id, StorageCommitment.SOP_CLASS, StorageCommitment.SOP_INSTANCE,
                    StorageCommitment.ACTION_REQUEST));
            a.sendData(pc.id(), Dimse.encode(StorageCommitment.actionInformation(tx, refs), pc.transferSyntax()));
            Association.Command rsp = Dimse.response(a, CommandField.N_ACTION_RSP, id);
            if (Commands.hasDataSet(rsp.command())) {
                a.readData();
            }
            Status status = Commands.status(rsp.command());
            if (status.isFailure()) {
                a.release();
                String comment = rsp.command().getString(Tag.ErrorComment);
                throw new IOException(target + " refused the Storage Commitment request: " + status
                        + (comment == null ? "" : " (" + comment + ")"));
            }
            long holdUntil = elsewhere == null ? deadline
                    : Math.min(deadline, System.nanoTime() + holdAssociation.toNanos());
            // PS3.4 J.3.3.1.2 note 1: the SCP may report on this association as long as we keep it.
            while (a.isOpen() && System.nanoTime() < holdUntil && (elsewhere == null || !elsewhere.isDone())) {
                long left = holdUntil - System.nanoTime();
                Duration wait = elsewhere == null ? Duration.ofNanos(Math.max(left, 1_000_000))
                        : Duration.ofNanos(Math.max(1_000_000, Math.min(left, POLL.toNanos())));
                if (!a.awaitIncoming(wait)) {
                    continue;
                }
                Association.Command c = a.readCommand();
                if (c == null) {
                    return null; // the peer released; the report will come on another association
                }
                CommitmentResult r = serveOnSame(a, c, tx);
                if (r != null) {
                    a.release();
                    return r;
                }
            }
            if (a.isOpen()) {
                a.release();
            }
            return null;
        } finally {
            a.close();
        }
    }

    /** A request from the SCP on our association: our report (answered), another report, or something else. */
    private static CommitmentResult serveOnSame(Association a, Association.Command c, String tx) throws IOException {
        Dataset cmd = c.command();
        if (Commands.field(cmd) != CommandField.N_EVENT_REPORT_RQ) {
            if (Commands.hasDataSet(cmd)) {
                a.readData();
            }
            if (Commands.field(cmd) != null && !Commands.field(cmd).isResponse()) {
                a.sendCommand(c.contextId(), Commands.response(cmd, Status.UNRECOGNIZED_OPERATION));
            }
            return null;
        }
        try {
            CommitmentResult r = CommitmentReceiver.readEvent(a, c, true);
            if (!tx.equals(r.transactionUid())) {
                a.sendCommand(c.contextId(), CommitmentReceiver.failure(cmd, Status.PROCESSING_FAILURE,
                        "unknown Transaction UID"));
                return null;
            }
            a.sendCommand(c.contextId(), Commands.response(cmd, Status.SUCCESS));
            return r;
        } catch (CommitmentReceiver.BadEvent e) {
            a.sendCommand(c.contextId(), CommitmentReceiver.failure(cmd, e.status, e.getMessage()));
            return null;
        }
    }

    private IOException timeout(String tx, Duration timeout) {
        return new IOException("no Storage Commitment report from " + target + " for transaction " + tx
                + " within " + timeout.toMillis() + " ms");
    }
}
