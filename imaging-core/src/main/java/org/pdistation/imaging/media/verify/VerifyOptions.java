package org.pdistation.imaging.media.verify;

import org.pdistation.imaging.media.Profile;

/**
 * What to verify.
 *
 * @param profile           the profile the medium claims, or null: infer it from the transfer syntaxes found
 * @param checkWebContent   require the IHE PDI Web Content option (INDEX.HTM and IHE_PDI/, PDI-REQUIREMENTS 4)
 * @param maxFiles          files examined at most; a larger medium is verified in part, with a warning
 * @param maxDicomdirBytes  bytes of the DICOMDIR parsed at most, so a huge or hostile one cannot exhaust memory
 */
public record VerifyOptions(Profile profile, boolean checkWebContent, int maxFiles, long maxDicomdirBytes) {
    /** Bounds that cover any real CD, DVD or USB medium (a full DVD holds a few 10^4 CT files). */
    public static final VerifyOptions DEFAULT = new VerifyOptions(null, false, 200_000, 64L << 20);

    public VerifyOptions {
        if (maxFiles < 1 || maxDicomdirBytes < 1024) {
            throw new IllegalArgumentException("maxFiles must be positive and maxDicomdirBytes at least 1024");
        }
    }

    public VerifyOptions withProfile(Profile p) {
        return new VerifyOptions(p, checkWebContent, maxFiles, maxDicomdirBytes);
    }

    public VerifyOptions withWebContent(boolean web) {
        return new VerifyOptions(profile, web, maxFiles, maxDicomdirBytes);
    }

    public VerifyOptions withMaxFiles(int n) {
        return new VerifyOptions(profile, checkWebContent, n, maxDicomdirBytes);
    }
}
