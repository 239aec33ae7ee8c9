package org.pdistation.importer.reconcile;

import java.io.IOException;
import java.util.List;

/** Where candidate local identities come from (PDI-REQUIREMENTS 29): a Modality Worklist or the PACS. */
@FunctionalInterface
public interface IdentitySource {
    /** Every match, in the SCP's order; a clerk chooses among several, the station never guesses. */
    List<IdentityCandidate> find(IdentityQuery query) throws IOException;
}
