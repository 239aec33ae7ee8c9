package org.pdistation.creator.plan;

import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.media.Profile;

/**
 * Chooses each instance's transfer syntax on the medium. Never lossy: a source the profile allows is kept as it
 * is; otherwise it is decompressed to Explicit VR Little Endian, which every general purpose profile allows
 * (PS3.11 D.3.2), or — when asked and the profile allows JPEG Lossless SV1 — re-encoded losslessly. A lossy source
 * that is decompressed keeps Lossy Image Compression 01 and its ratio and method (PS3.3 C.7.6.1.1.5); the
 * transcoder does that.
 *
 * @param reencodeLossless re-encode to JPEG Lossless SV1 instead of decompressing, where the profile allows it
 */
public record TranscodePolicy(CodecRegistry registry, boolean reencodeLossless) {
    public static TranscodePolicy standard() {
        return new TranscodePolicy(CodecRegistry.standard(), false);
    }

    public TranscodeDecision decide(InputInstance in, Profile profile) {
        String ts = in.transferSyntax();
        if (profile.allows(ts)) {
            return new TranscodeDecision(TranscodeDecision.Action.KEEP, ts, "allowed by " + profile);
        }
        boolean nativeSource = isNative(ts);
        if (in.hasPixelData() && !nativeSource && registry.codec(ts).isEmpty()) {
            return new TranscodeDecision(TranscodeDecision.Action.LEAVE_OFF, null,
                    "no decoder for " + CodecRegistry.nameOf(ts) + "; " + profile + " does not allow it");
        }
        if (reencodeLossless && in.hasPixelData() && profile.allows(UID.JPEGLosslessSV1)
                && registry.codec(UID.JPEGLosslessSV1).map(CodecRegistry.Codec::canEncode).orElse(false)) {
            return new TranscodeDecision(TranscodeDecision.Action.REENCODE_LOSSLESS, UID.JPEGLosslessSV1,
                    CodecRegistry.nameOf(ts) + " is not allowed by " + profile + "; re-encoded JPEG Lossless SV1");
        }
        return new TranscodeDecision(TranscodeDecision.Action.DECOMPRESS, UID.ExplicitVRLittleEndian,
                CodecRegistry.nameOf(ts) + " is not allowed by " + profile + "; written Explicit VR Little Endian");
    }

    static boolean isNative(String ts) {
        return ts.equals(UID.ImplicitVRLittleEndian) || ts.equals(UID.ExplicitVRLittleEndian)
                || ts.equals(UID.ExplicitVRBigEndian) || ts.equals(UID.DeflatedExplicitVRLittleEndian);
    }
}
