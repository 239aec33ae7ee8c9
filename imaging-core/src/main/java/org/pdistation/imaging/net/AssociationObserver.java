package org.pdistation.imaging.net;

import java.time.Instant;
import java.util.Map;

import org.pdistation.imaging.net.dimse.CommandField;

/** Sees every association a {@link DicomServer} served, when it has ended (for an audit trail). */
@FunctionalInterface
public interface AssociationObserver {

    /**
     * One association: calling/called AE (null when the request never arrived), the peer address, how many requests
     * of each kind it carried and how it ended ("released", "rejected", "aborted: ...", "failed: ..."). No PHI.
     */
    record Summary(Instant start, Instant end, String callingAet, String calledAet, String remoteAddress,
                   Map<CommandField, Integer> requests, String outcome) {
        public Summary {
            requests = Map.copyOf(requests);
        }
    }

    void ended(Summary summary);

    AssociationObserver NONE = s -> { };
}
