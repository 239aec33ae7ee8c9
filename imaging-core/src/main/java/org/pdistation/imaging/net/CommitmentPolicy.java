package org.pdistation.imaging.net;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pdistation.imaging.net.CommitmentResult.Failure;
import org.pdistation.imaging.net.CommitmentResult.SopRef;
import org.pdistation.imaging.net.dimse.Status;

/**
 * How a {@link DicomServer} acts as Storage Commitment SCP (PS3.4 J.3.3.1.2): which instances it commits to (those
 * its store holds) and where it sends the N-EVENT-REPORT.
 *
 * @param holdings           answers whether an instance is safely stored
 * @param reportDestinations where to open a new association for the report, by the calling AE title of the SCU
 * @param mode               same association, or a new one to the SCU's address when it is known
 */
public record CommitmentPolicy(Holdings holdings, Map<String, RemoteAe> reportDestinations, ReportMode mode) {

    /** The store's answer for one instance. */
    @FunctionalInterface
    public interface Holdings {
        boolean holds(String sopClassUid, String sopInstanceUid) throws IOException;
    }

    public enum ReportMode {
        /** N-EVENT-REPORT right after the N-ACTION-RSP, on the same association. */
        SAME_ASSOCIATION,
        /**
         * N-EVENT-REPORT on a new association to the SCU's configured address, with the SCP role proposed (PS3.4
         * J.3.3.1.2 note 1); the same association when the calling AE title has no configured address.
         */
        NEW_ASSOCIATION
    }

    public CommitmentPolicy {
        reportDestinations = Map.copyOf(reportDestinations);
    }

    /** Commits what {@code holdings} holds and reports on the same association. */
    public static CommitmentPolicy sameAssociation(Holdings holdings) {
        return new CommitmentPolicy(holdings, Map.of(), ReportMode.SAME_ASSOCIATION);
    }

    /** The address of the SCU to report to on a new association, or null for the same association. */
    RemoteAe destinationFor(String callingAet) {
        return mode == ReportMode.NEW_ASSOCIATION ? reportDestinations.get(callingAet) : null;
    }

    /** The outcome for each requested instance: committed when held, else failed 0112H (no such instance). */
    CommitmentResult evaluate(String transactionUid, List<SopRef> requested, boolean sameAssociation) {
        List<SopRef> committed = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (SopRef r : requested) {
            try {
                if (holdings.holds(r.sopClassUid(), r.sopInstanceUid())) {
                    committed.add(r);
                } else {
                    failed.add(new Failure(r, Status.NO_SUCH_SOP_INSTANCE.code()));
                }
            } catch (IOException | RuntimeException e) {
                // PS3.4 J.3.3.1.1 Failure Reason 0110H: the store could not be asked.
                failed.add(new Failure(r, Status.PROCESSING_FAILURE.code()));
            }
        }
        return new CommitmentResult(transactionUid, committed, failed, sameAssociation);
    }
}
