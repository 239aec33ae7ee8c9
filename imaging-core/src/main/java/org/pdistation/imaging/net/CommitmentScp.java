package org.pdistation.imaging.net;

import java.io.IOException;
import java.util.List;

import javax.net.SocketFactory;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.net.CommitmentResult.SopRef;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.PresentationContextRq;
import org.pdistation.imaging.net.pdu.RoleSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Storage Commitment SCP behaviour of a {@link DicomServer} (PS3.4 J.3.2.1.2 and J.3.3.1.2). */
final class CommitmentScp {
    private static final Logger LOG = LoggerFactory.getLogger(CommitmentScp.class);

    private final CommitmentPolicy policy;
    private final String aet;
    private final NetOptions options;
    /** TLS client sockets for reports to a requestor that asked over TLS; null when the server has none. */
    private final SocketFactory secureSockets;

    CommitmentScp(CommitmentPolicy policy, String aet, NetOptions options, SocketFactory secureSockets) {
        this.policy = policy;
        this.aet = aet;
        this.options = options;
        this.secureSockets = secureSockets;
    }

    /** Serves an N-ACTION-RQ whose Action Information is still unread on {@code a}. */
    void serve(Association a, Association.Command c) throws IOException {
        Dataset cmd = c.command();
        PresentationContext pc = a.contexts().get(c.contextId());
        byte[] data = Commands.hasDataSet(cmd) ? a.readData() : null;
        Dataset info = null;
        Status refusal = null;
        String why = null;
        if (!StorageCommitment.SOP_CLASS.equals(pc.abstractSyntax())
                || !StorageCommitment.SOP_CLASS.equals(cmd.getString(Tag.RequestedSOPClassUID))) {
            refusal = Status.NO_SUCH_SOP_CLASS;
            why = "N-ACTION is served for Storage Commitment only";
        } else if (!StorageCommitment.SOP_INSTANCE.equals(cmd.getString(Tag.RequestedSOPInstanceUID))) {
            refusal = Status.NO_SUCH_SOP_INSTANCE;
            why = "not the well-known Storage Commitment instance";
        } else if (cmd.getInt(Tag.ActionTypeID, -1) != StorageCommitment.ACTION_REQUEST) {
            refusal = new Status(0x0123); // PS3.7 C.5.x: no such action
            why = "Action Type ID " + cmd.getInt(Tag.ActionTypeID, -1);
        } else if (data == null) {
            refusal = Status.MISSING_ATTRIBUTE;
            why = "N-ACTION without Action Information";
        } else {
            try {
                info = Dimse.decode(data, pc.transferSyntax());
            } catch (IOException e) {
                refusal = Status.PROCESSING_FAILURE;
                why = "undecodable Action Information";
            }
            if (info != null && (info.getString(Tag.TransactionUID) == null
                    || StorageCommitment.requestedRefs(info).isEmpty())) {
                refusal = Status.MISSING_ATTRIBUTE;
                why = "Transaction UID or Referenced SOP Sequence missing";
            }
        }
        if (refusal != null) {
            a.sendCommand(c.contextId(), CommitmentReceiver.failure(cmd, refusal, why));
            return;
        }
        String tx = info.getString(Tag.TransactionUID);
        List<SopRef> refs = StorageCommitment.requestedRefs(info);
        a.sendCommand(c.contextId(), Commands.response(cmd, Status.SUCCESS));
        RemoteAe destination = policy.destinationFor(a.callingAet());
        if (destination == null) {
            report(a, pc, policy.evaluate(tx, refs, true));
        } else if (a.isSecure() && secureSockets == null) {
            // PS3.15 B.1: what was asked over TLS is not answered in the clear; the requestor will time out.
            LOG.warn("Storage Commitment report to {} not sent: the request came over TLS and this server has no"
                    + " TLS client configuration", destination);
        } else {
            SocketFactory sockets = a.isSecure() ? secureSockets : SocketFactory.getDefault();
            Thread.ofVirtual().name("commitment-report-" + destination).start(() -> {
                try {
                    reportOnNewAssociation(sockets, destination, policy.evaluate(tx, refs, false));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Storage Commitment report to {} failed: {}", destination, e.getMessage());
                }
            });
        }
    }

    /**
     * PS3.4 J.3.3.1.2 note 2: the same AE title as on the N-ACTION's association; the SCP role proposed; over TLS
     * when the N-ACTION came over TLS.
     */
    private void reportOnNewAssociation(SocketFactory sockets, RemoteAe destination, CommitmentResult result)
            throws IOException {
        Association a = Dimse.open(sockets, destination, aet,
                List.of(new PresentationContextRq(1, StorageCommitment.SOP_CLASS, Dimse.UNCOMPRESSED)),
                List.of(new RoleSelection(StorageCommitment.SOP_CLASS, false, true)), options);
        try {
            report(a, Dimse.context(a, destination, StorageCommitment.SOP_CLASS), result);
            a.release();
        } finally {
            a.close();
        }
    }

    /** Sends the N-EVENT-REPORT-RQ and waits for its response. */
    private static void report(Association a, PresentationContext pc, CommitmentResult result) throws IOException {
        int id = a.nextMessageId();
        a.sendCommand(pc.id(), Commands.nEventReportRq(id, StorageCommitment.SOP_CLASS, StorageCommitment.SOP_INSTANCE,
                result.eventTypeId()));
        a.sendData(pc.id(), Dimse.encode(StorageCommitment.eventInformation(result), pc.transferSyntax()));
        Association.Command rsp = Dimse.response(a, CommandField.N_EVENT_REPORT_RSP, id);
        if (Commands.hasDataSet(rsp.command())) {
            a.readData();
        }
        Status status = Commands.status(rsp.command());
        if (status.isFailure()) {
            LOG.info("N-EVENT-REPORT for transaction {} answered {}", result.transactionUid(), status);
        }
    }
}
