package org.pdistation.imaging.archive;

/**
 * How hard the archive pushes each received file to disk before answering the sender. Either way a file is written
 * under a temporary name and renamed into place before its index row commits, so files and index always agree
 * after a restart ({@link Archive#check}); the choice is only about what survives a power loss.
 */
public enum Durability {
    /**
     * The default: survives a killed process. The rename and the index commit (SQLite WAL, synchronous=NORMAL) go
     * through the OS page cache, which outlives the process; nothing is flushed per instance. This is what DCMTK's
     * storescp and Orthanc do; flushing every instance made receiving 1.7 times slower than storescp. A power loss
     * may lose the last instances acknowledged (the sender was told "stored"); the index then still agrees with
     * the files after {@link Archive#check}.
     */
    OS_CACHE,
    /**
     * Survives a power loss: each file is fsynced (fdatasync) before it is renamed into place and indexed, so an
     * instance acknowledged to the sender is on the disk. Costs a disk flush per instance.
     */
    FSYNC
}
