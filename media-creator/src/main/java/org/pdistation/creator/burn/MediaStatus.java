package org.pdistation.creator.burn;

import java.util.Objects;

/**
 * The medium in a drive.
 *
 * @param state         blank / appendable / closed / none
 * @param freeBytes     the space that can still be written, in bytes; -1 when the tool does not say
 * @param mediaType     the medium as the tool names it ("CD-R", "DVD+RW", "BD-R", "stdio file"…), or "" when unknown
 */
public record MediaStatus(MediaState state, long freeBytes, String mediaType) {
    public MediaStatus {
        Objects.requireNonNull(state, "state");
        mediaType = mediaType == null ? "" : mediaType.strip();
    }

    /** No medium. */
    public static final MediaStatus NO_MEDIUM = new MediaStatus(MediaState.NONE, -1, "");

    /** Whether an image of {@code imageBytes} fits on a blank medium like this one (true when the size is unknown). */
    public boolean fits(long imageBytes) {
        return freeBytes < 0 || imageBytes <= freeBytes;
    }

    /** One line for a listing: "blank, DVD+R, 4.7 GB free". */
    public String describe() {
        StringBuilder s = new StringBuilder(state.name().toLowerCase(java.util.Locale.ROOT));
        if (!mediaType.isEmpty()) {
            s.append(", ").append(mediaType);
        }
        if (freeBytes >= 0 && state != MediaState.NONE) {
            s.append(", ").append(humanBytes(freeBytes)).append(" free");
        }
        return s.toString();
    }

    static String humanBytes(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
