package org.pdistation.imaging.archive.burn;

/**
 * The persisted life of a burn job (issue 7 item 5). WAITING: instances of the study have arrived and it is not yet
 * complete (no quiet time yet); persisted so that a restart still burns a study whose sender had finished just
 * before it.
 */
public enum BurnState {
    WAITING, QUEUED, STAGING, WRITING, VERIFYING, DONE, FAILED;

    public boolean isTerminal() {
        return this == DONE || this == FAILED;
    }
}
