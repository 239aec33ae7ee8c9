package org.pdistation.imaging.archive.burn;

import org.pdistation.imaging.archive.Archive;

/**
 * Puts one study on a medium; implemented over media-creator (the lead connects it). It reports each stage it enters
 * (STAGING, WRITING, VERIFYING) so that the job's state is persisted as it goes; returning normally means DONE, an
 * exception means FAILED with its message.
 */
@FunctionalInterface
public interface BurnAction {

    @FunctionalInterface
    interface Progress {
        void entered(BurnState state);
    }

    void burn(BurnJob job, AutoBurnRule rule, Archive archive, Progress progress) throws Exception;
}
