package org.pdistation.imaging.net;

import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.CommitmentResult.Failure;
import org.pdistation.imaging.net.CommitmentResult.SopRef;

/** The Storage Commitment Push Model (PS3.4 J.3): its identifiers and the Action / Event Information data sets. */
public final class StorageCommitment {
    /** PS3.4 J.3.2.1: Action Type ID 1, Request Storage Commitment. */
    public static final int ACTION_REQUEST = 1;
    /** PS3.4 J.3.3.1: Event Type ID 1, storage commitment request successful. */
    public static final int EVENT_SUCCESS = 1;
    /** PS3.4 J.3.3.1: Event Type ID 2, storage commitment request complete, failures exist. */
    public static final int EVENT_FAILURES_PRESENT = 2;
    public static final String SOP_CLASS = UID.StorageCommitmentPushModel;
    /** PS3.4 J.3.1: the operations address the well-known SOP instance. */
    public static final String SOP_INSTANCE = UID.StorageCommitmentPushModelInstance;

    private StorageCommitment() {
    }

    /** PS3.4 J.3.2.1.1 Action Information: Transaction UID and the Referenced SOP Sequence. */
    public static Dataset actionInformation(String transactionUid, List<SopRef> refs) {
        Dataset ds = new Dataset();
        ds.setString(Tag.TransactionUID, VR.UI, transactionUid);
        putRefs(ds, Tag.ReferencedSOPSequence, refs);
        return ds;
    }

    /** The references of an N-ACTION's Action Information; items lacking either UID are skipped. */
    public static List<SopRef> requestedRefs(Dataset actionInformation) {
        return refs(actionInformation.getSequence(Tag.ReferencedSOPSequence));
    }

    /** PS3.4 J.3.3.1.1 Event Information: Transaction UID, Referenced SOP Sequence, Failed SOP Sequence. */
    public static Dataset eventInformation(CommitmentResult result) {
        Dataset ds = new Dataset();
        ds.setString(Tag.TransactionUID, VR.UI, result.transactionUid());
        if (!result.committed().isEmpty()) {
            putRefs(ds, Tag.ReferencedSOPSequence, result.committed());
        }
        if (!result.failed().isEmpty()) {
            Sequence seq = ds.newSequence(Tag.FailedSOPSequence, result.failed().size());
            for (Failure f : result.failed()) {
                Dataset item = seq.addItem();
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, f.ref().sopClassUid());
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, f.ref().sopInstanceUid());
                item.setInt(Tag.FailureReason, VR.US, f.reason());
            }
        }
        return ds;
    }

    /** Reads an N-EVENT-REPORT's Event Information. */
    public static CommitmentResult parseEvent(Dataset eventInformation, boolean sameAssociation) {
        List<Failure> failed = new ArrayList<>();
        Sequence seq = eventInformation.getSequence(Tag.FailedSOPSequence);
        if (seq != null) {
            for (Dataset item : seq) {
                failed.add(new Failure(new SopRef(item.getString(Tag.ReferencedSOPClassUID),
                        item.getString(Tag.ReferencedSOPInstanceUID)),
                        // PS3.4 J.3.3.1.1: Failure Reason is required; 0110H (processing failure) if it is absent.
                        item.getInt(Tag.FailureReason, 0x0110)));
            }
        }
        return new CommitmentResult(eventInformation.getString(Tag.TransactionUID),
                refs(eventInformation.getSequence(Tag.ReferencedSOPSequence)), failed, sameAssociation);
    }

    private static void putRefs(Dataset ds, int tag, List<SopRef> refs) {
        Sequence seq = ds.newSequence(tag, refs.size());
        for (SopRef r : refs) {
            Dataset item = seq.addItem();
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, r.sopClassUid());
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, r.sopInstanceUid());
        }
    }

    private static List<SopRef> refs(Sequence seq) {
        List<SopRef> out = new ArrayList<>();
        if (seq != null) {
            for (Dataset item : seq) {
                String cls = item.getString(Tag.ReferencedSOPClassUID);
                String inst = item.getString(Tag.ReferencedSOPInstanceUID);
                if (cls != null && inst != null) {
                    out.add(new SopRef(cls, inst));
                }
            }
        }
        return out;
    }
}
