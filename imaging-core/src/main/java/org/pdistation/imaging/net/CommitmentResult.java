package org.pdistation.imaging.net;

import java.util.List;

import org.pdistation.imaging.net.dimse.Status;

/**
 * The outcome of one Storage Commitment transaction (PS3.4 J.3.3): the instances the SCP committed to keep and those
 * it refused, each with its Failure Reason (0008,1197).
 *
 * @param transactionUid the Transaction UID (0008,1195) of the N-ACTION
 * @param committed      instances listed in the Referenced SOP Sequence of the N-EVENT-REPORT
 * @param failed         instances listed in the Failed SOP Sequence
 * @param reportedOnSameAssociation whether the N-EVENT-REPORT came on the N-ACTION's association
 */
public record CommitmentResult(String transactionUid, List<SopRef> committed, List<Failure> failed,
                               boolean reportedOnSameAssociation) {
    /** A SOP instance reference: Referenced SOP Class UID (0008,1150) and Instance UID (0008,1155). */
    public record SopRef(String sopClassUid, String sopInstanceUid) {
    }

    /** A refused instance; the reason is a Failure Reason code of PS3.4 J.3.3 (e.g. 0112H no such instance). */
    public record Failure(SopRef ref, int reason) {
        public String meaning() {
            return new Status(reason & 0xFFFF).meaning();
        }
    }

    public CommitmentResult {
        committed = List.copyOf(committed);
        failed = List.copyOf(failed);
    }

    /** PS3.4 J.3.3.1.2: Event Type ID 1 when everything was committed, 2 when a failure exists. */
    public int eventTypeId() {
        return failed.isEmpty() ? StorageCommitment.EVENT_SUCCESS : StorageCommitment.EVENT_FAILURES_PRESENT;
    }

    public boolean isCommitted(String sopInstanceUid) {
        return committed.stream().anyMatch(r -> r.sopInstanceUid().equals(sopInstanceUid));
    }

    /** The failure reported for an instance, or null when it was not reported failed. */
    public Failure failure(String sopInstanceUid) {
        return failed.stream().filter(f -> f.ref().sopInstanceUid().equals(sopInstanceUid)).findFirst()
                .orElse(null);
    }

    public boolean allCommitted() {
        return failed.isEmpty();
    }
}
