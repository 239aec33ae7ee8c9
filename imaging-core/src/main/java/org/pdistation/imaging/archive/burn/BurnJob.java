package org.pdistation.imaging.archive.burn;

import java.time.Instant;

/** One persisted burn job: a study to put on a medium under one rule. {@code detail} holds no PHI. */
public record BurnJob(long id, String rule, String studyUid, BurnState state, String detail, Instant created,
                      Instant updated) {
}
