package org.pdistation.imaging.archive.burn;

import java.time.Duration;

/**
 * Burn a study automatically once it is complete (issue 7 item 5): studies received from {@code callingAet} and/or
 * sent to our {@code calledAet} (e.g. {@code BURN_CD}); null matches any. A study is complete when no instance of it
 * arrived for {@code quiet}.
 *
 * @param target what media-creator writes: a disc, an ISO image or a folder, and where
 */
public record AutoBurnRule(String name, String callingAet, String calledAet, Duration quiet, Target target) {

    public enum Kind { DISC, ISO, FOLDER }

    /** @param destination the drive, ISO file pattern or folder, as media-creator understands it */
    public record Target(Kind kind, String destination) {
    }

    public AutoBurnRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a burn rule needs a name");
        }
        if (quiet == null || quiet.isNegative() || quiet.isZero()) {
            throw new IllegalArgumentException("rule " + name + ": the quiet time must be positive");
        }
    }

    public boolean matches(String calling, String called) {
        return (callingAet == null || callingAet.equals(calling)) && (calledAet == null || calledAet.equals(called));
    }
}
