package org.pdistation.creator.plan;

/**
 * What happens to one instance's encoding on the medium.
 *
 * @param action          keep the bytes, decompress to Explicit VR Little Endian, re-encode losslessly, or leave off
 * @param targetSyntax    the transfer syntax UID written (null when left off)
 * @param reason          why, in words for the report
 */
public record TranscodeDecision(Action action, String targetSyntax, String reason) {
    public enum Action {
        /** The profile allows the source syntax: the dataset bytes are copied, only the file meta is rewritten. */
        KEEP,
        /** Pixels decoded and written native (Explicit VR Little Endian is allowed by every general profile). */
        DECOMPRESS,
        /** Pixels re-encoded losslessly in a syntax the profile allows (asked for by the caller). */
        REENCODE_LOSSLESS,
        /** Not written: no decoder for the source syntax, or decoding failed. */
        LEAVE_OFF
    }

    public boolean transcodes() {
        return action == Action.DECOMPRESS || action == Action.REENCODE_LOSSLESS;
    }
}
