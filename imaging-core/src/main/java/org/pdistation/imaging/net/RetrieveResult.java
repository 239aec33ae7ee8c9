package org.pdistation.imaging.net;

import java.util.List;

import org.pdistation.imaging.net.dimse.Status;

/**
 * The outcome of a C-MOVE or C-GET (PS3.4 C.4.2.1.6, C.4.3.1.5): the final status and the sub-operation counts of
 * the last response (-1 where the peer sent none), the failed SOP instances listed in its identifier, and how many
 * pending responses came.
 */
public record RetrieveResult(Status status, int completed, int failed, int warning, int remaining,
                             List<String> failedInstances, String errorComment, int pendingResponses) {
    public RetrieveResult {
        failedInstances = List.copyOf(failedInstances);
    }

    public String describe() {
        return status + ": " + completed + " completed, " + failed + " failed, " + warning + " warning"
                + (remaining > 0 ? ", " + remaining + " remaining" : "")
                + (errorComment != null ? " (" + errorComment + ")" : "");
    }
}
