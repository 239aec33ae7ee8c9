package org.pdistation.imaging.io;

/**
 * How much of a file to read.
 *
 * @param mode              header only, bulk data by reference, or everything in memory
 * @param bulkDataThreshold in {@link Mode#BULK_BY_REFERENCE}, OB/OW/OF/OD/OL/OV/UN values at least this long (and
 *                          pixel data of any length) are kept as a reference (file, offset, length)
 * @param maxDepth          deepest sequence nesting accepted; deeper is an error, never a stack overflow
 * @param strict            when true, the first structural problem throws; when false the reader warns, keeps
 *                          what it has read, and marks the result incomplete
 */
public record ReadOptions(Mode mode, long bulkDataThreshold, int maxDepth, boolean strict) {
    public enum Mode {
        /** Stop before the pixel data at the top level (group 7FE0). */
        HEADER_ONLY,
        /** Read everything; large binary values and pixel data stay in the file as references. */
        BULK_BY_REFERENCE,
        /** Read every value into memory. */
        IN_MEMORY
    }

    /** Real files nest a few levels (SR trees a few dozen); this keeps recursion far from the stack limit. */
    public static final int DEFAULT_MAX_DEPTH = 128;

    public static final ReadOptions HEADER_ONLY = new ReadOptions(Mode.HEADER_ONLY, 4096, DEFAULT_MAX_DEPTH, false);
    public static final ReadOptions BULK_BY_REFERENCE =
            new ReadOptions(Mode.BULK_BY_REFERENCE, 4096, DEFAULT_MAX_DEPTH, false);
    public static final ReadOptions IN_MEMORY = new ReadOptions(Mode.IN_MEMORY, Long.MAX_VALUE, DEFAULT_MAX_DEPTH, false);

    public ReadOptions {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive");
        }
    }

    public ReadOptions withStrict(boolean strict) {
        return new ReadOptions(mode, bulkDataThreshold, maxDepth, strict);
    }

    public ReadOptions withMaxDepth(int maxDepth) {
        return new ReadOptions(mode, bulkDataThreshold, maxDepth, strict);
    }
}
