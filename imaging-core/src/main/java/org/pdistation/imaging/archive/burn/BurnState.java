package org.pdistation.imaging.archive.burn;

/** The persisted life of a burn job (issue 7 item 5). */
public enum BurnState {
    QUEUED, STAGING, WRITING, VERIFYING, DONE, FAILED;

    public boolean isTerminal() {
        return this == DONE || this == FAILED;
    }
}
