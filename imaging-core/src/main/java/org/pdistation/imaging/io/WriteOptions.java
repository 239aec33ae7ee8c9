package org.pdistation.imaging.io;

/**
 * Choices a writer makes that the standard leaves open.
 *
 * @param groupLengths            write (gggg,0000) group lengths in the dataset (retired outside group 0002; PS3.5 7.2)
 * @param definedLengthSequences  write sequences and items with explicit lengths instead of delimiters
 */
public record WriteOptions(boolean groupLengths, boolean definedLengthSequences) {
    public static final WriteOptions DEFAULT = new WriteOptions(false, false);
    public static final WriteOptions DEFINED_LENGTHS = new WriteOptions(false, true);
}
