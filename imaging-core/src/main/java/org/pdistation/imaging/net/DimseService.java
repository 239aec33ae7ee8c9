package org.pdistation.imaging.net;

import java.io.IOException;
import java.util.Set;

/**
 * A DIMSE service that a {@link DicomServer} hosts beside Verification and Storage, e.g. Query/Retrieve FIND, MOVE
 * and GET (PS3.4 Annex C). Called from many association threads at once.
 */
public interface DimseService {

    /** The SOP classes it serves; negotiation accepts them with an uncompressed transfer syntax. */
    Set<String> sopClasses();

    /**
     * Handles one request that arrived on a context of one of {@link #sopClasses()}: reads its data set (if the
     * command announces one) and sends every response. An IOException ends the association.
     */
    void handle(Association association, Association.Command request) throws IOException;
}
