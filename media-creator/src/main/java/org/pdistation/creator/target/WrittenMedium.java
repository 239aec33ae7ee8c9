package org.pdistation.creator.target;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A medium just written, open for reading back. {@link #close()} releases it (unmounts an image's file system);
 * {@link #rollBack()} undoes the write when the read-back failed, so that the medium does not look complete.
 */
public interface WrittenMedium extends AutoCloseable {
    /** The medium's root as a readable folder (possibly inside an image's file system). */
    Path root();

    /** True when the staged files themselves became the medium (a rename): checksums cannot differ. */
    boolean movedByRename();

    /**
     * Undoes the write: a folder target removes what it placed (a renamed staging folder is renamed back, so the
     * staged files stay where the report says), an image is deleted. Called at most once, before {@link #close()}.
     *
     * @return a sentence for the report saying what was undone
     */
    String rollBack() throws IOException;

    @Override
    default void close() throws IOException { }
}
