package org.pdistation.creator.target;

/** Progress of a long step; called on the working thread, so implementations must return quickly. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (phase, done, total) -> { };

    /**
     * @param phase what is being done ("stage", "write", "verify", ...)
     * @param done  units done so far
     * @param total units in all, or -1 when not known
     */
    void update(String phase, long done, long total);
}
