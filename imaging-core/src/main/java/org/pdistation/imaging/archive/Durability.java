package org.pdistation.imaging.archive;

/** How hard the archive pushes each received file to disk before answering the sender. */
public enum Durability {
    /**
     * fsync every file before it is renamed into place and indexed: a received instance survives a power loss.
     * The default; costs a disk flush per instance.
     */
    FSYNC,
    /**
     * Leave flushing to the OS (as DCMTK's storescp does): survives a killed process (the page cache stays), not a
     * power loss; files and index still agree, since the rename still precedes the index commit.
     */
    OS_CACHE
}
