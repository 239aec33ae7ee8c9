package org.pdistation.imaging.render.cache;

/**
 * A snapshot of a {@link FrameCache}'s counters.
 *
 * @param hits          acquires that found the frame loaded or being loaded (they waited for that load)
 * @param misses        acquires that loaded the frame themselves (absent, or a prefetch not yet started)
 * @param prefetches    loads started by {@link FrameCache#prefetch}
 * @param evictions     frames dropped to stay under the budget
 * @param failures      loads that threw
 * @param entries       frames retained now
 * @param bytes         bytes retained now (pinned and unpinned)
 * @param pinnedBytes   bytes of retained frames that are pinned now
 * @param budget        the byte budget
 */
public record CacheStats(long hits, long misses, long prefetches, long evictions, long failures, int entries, long bytes,
                         long pinnedBytes, long budget) {
    /** Hits over all acquires, 0 when there were none. */
    public double hitRatio() {
        long n = hits + misses;
        return n == 0 ? 0 : (double) hits / n;
    }
}
