package org.pdistation.importer.send;

import java.util.List;

/**
 * Optional Storage Commitment (PS3.4 Annex J) before a medium is declared imported; the lead supplies the
 * implementation over imaging-core's commitment SCU. Returns the SOP Instance UIDs the PACS did not commit.
 */
@FunctionalInterface
public interface CommitmentCheck {
    List<String> uncommitted(List<String[]> sopClassAndInstanceUids) throws Exception;
}
