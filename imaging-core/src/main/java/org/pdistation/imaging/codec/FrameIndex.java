package org.pdistation.imaging.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Which fragments of encapsulated pixel data make up each frame (PS3.5 A.4). Tried in order, each checked against
 * the fragment boundaries before it is believed: the Extended Offset Table (7FE0,0001), the Basic Offset Table,
 * one frame per fragment when the counts agree, all fragments for a single frame, and last a scan for the start
 * marker of a codestream (JPEG SOI, JPEG 2000 SOC or JP2 signature) at the head of a fragment. Vendors get the
 * tables wrong often enough that a table that does not land on fragment starts is dropped with a warning.
 */
public final class FrameIndex {
    /** First bytes of a fragment, for the start-marker scan. */
    @FunctionalInterface
    public interface FragmentHead {
        byte[] head(int fragment);
    }

    private final int[] first;
    private final int[] count;
    private final List<String> warnings;

    private FrameIndex(int[] first, int[] count, List<String> warnings) {
        this.first = first;
        this.count = count;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @param fragmentLengths value lengths of the fragments (items after the offset table)
     * @param basicOffsets    Basic Offset Table entries, possibly empty
     * @param extendedOffsets Extended Offset Table (7FE0,0001) entries or null
     * @param frames          Number of Frames
     */
    public static FrameIndex build(long[] fragmentLengths, long[] basicOffsets, long[] extendedOffsets, int frames,
                                   FragmentHead heads) {
        List<String> warnings = new ArrayList<>();
        int n = fragmentLengths.length;
        long[] itemStart = new long[n];
        long pos = 0;
        for (int i = 0; i < n; i++) {
            itemStart[i] = pos;
            pos += 8 + fragmentLengths[i];
        }
        if (extendedOffsets != null && extendedOffsets.length > 0) {
            FrameIndex idx = fromOffsets(extendedOffsets, itemStart, frames, warnings, "Extended Offset Table");
            if (idx != null) return idx;
        }
        if (basicOffsets.length > 0) {
            FrameIndex idx = fromOffsets(basicOffsets, itemStart, frames, warnings, "Basic Offset Table");
            if (idx != null) return idx;
        }
        if (frames == 1) return contiguous(new int[] {0}, n, warnings);
        if (n == frames) {
            int[] starts = new int[frames];
            for (int i = 0; i < frames; i++) starts[i] = i;
            return contiguous(starts, n, warnings);
        }
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (isCodestreamStart(heads.head(i))) starts.add(i);
        }
        if (starts.isEmpty() || starts.get(0) != 0) starts.add(0, 0);
        if (starts.size() != frames) {
            warnings.add("found " + starts.size() + " codestream starts in " + n + " fragments for " + frames
                    + " frames; frames beyond them are missing");
        }
        int[] s = starts.stream().mapToInt(Integer::intValue).limit(frames).toArray();
        return contiguous(s, n, warnings);
    }

    private static FrameIndex fromOffsets(long[] offsets, long[] itemStart, int frames, List<String> warnings,
                                          String what) {
        if (offsets.length != frames) {
            warnings.add(what + " has " + offsets.length + " entries for " + frames + " frames; ignored");
            return null;
        }
        int[] starts = new int[frames];
        int k = 0;
        for (int f = 0; f < frames; f++) {
            while (k < itemStart.length && itemStart[k] < offsets[f]) k++;
            if (k >= itemStart.length || itemStart[k] != offsets[f] || (f > 0 && k <= starts[f - 1])) {
                warnings.add(what + " entry " + (f + 1) + " (" + offsets[f] + ") is not on a fragment start; ignored");
                return null;
            }
            starts[f] = k;
        }
        return contiguous(starts, itemStart.length, warnings);
    }

    private static FrameIndex contiguous(int[] starts, int fragments, List<String> warnings) {
        int[] count = new int[starts.length];
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : fragments;
            count[i] = Math.max(0, end - starts[i]);
        }
        return new FrameIndex(starts, count, warnings);
    }

    /** JPEG SOI FFD8, JPEG 2000 SOC FF4F, JP2 signature box (PS3.5 A.4.4 allows neither marker inside a frame). */
    static boolean isCodestreamStart(byte[] h) {
        if (h == null || h.length < 2) return false;
        if ((h[0] & 0xFF) == 0xFF && ((h[1] & 0xFF) == 0xD8 || (h[1] & 0xFF) == 0x4F)) return true;
        return h.length >= 8 && h[0] == 0 && h[1] == 0 && h[2] == 0 && h[3] == 0x0C && h[4] == 'j' && h[5] == 'P';
    }

    /** Number of frames the index can locate (may be fewer than Number of Frames for broken data). */
    public int frames() { return first.length; }

    public int firstFragment(int frame) { return first[frame]; }

    public int fragmentCount(int frame) { return count[frame]; }

    public List<String> warnings() { return warnings; }
}
