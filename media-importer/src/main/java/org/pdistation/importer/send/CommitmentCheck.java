package org.pdistation.importer.send;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.pdistation.imaging.net.CommitmentResult.SopRef;

/**
 * Optional Storage Commitment (PS3.4 Annex J) before a medium is declared imported: asked once the instances are
 * stored, for every instance this job stored. {@link ScuCommitmentCheck} asks the PACS through imaging-core's
 * Storage Commitment SCU.
 */
@FunctionalInterface
public interface CommitmentCheck {
    /**
     * Returns the instances (SOP Instance UIDs) the PACS did not commit to keep, each with why (the Failure Reason,
     * PS3.4 J.3.3.1.1); empty when all are committed. An IOException means no answer: nothing counts as committed.
     */
    Map<String, String> uncommitted(List<SopRef> refs) throws IOException;
}
