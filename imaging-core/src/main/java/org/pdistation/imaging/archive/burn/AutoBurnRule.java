package org.pdistation.imaging.archive.burn;

import java.time.Duration;
import java.util.Locale;

import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.net.RemoteAe;

/**
 * Burn a study automatically once it is complete (issue 7 item 5): studies received from {@code callingAet} and/or
 * sent to our {@code calledAet} (e.g. {@code BURN_CD}); null matches any. A study is complete when no instance of it
 * arrived for {@code quiet}.
 *
 * @param name    identifies the rule in the persisted job table, so it must stay the same across restarts
 * @param profile the PS3.11 media application profile the medium follows
 * @param target  what media-creator writes: a disc, an ISO image or a folder, and where
 */
public record AutoBurnRule(String name, String callingAet, String calledAet, Duration quiet, Profile profile,
                           Target target) {

    public enum Kind { DISC, ISO, FOLDER }

    /**
     * @param destination the drive (DISC), the folder that receives one image per job (ISO), or the folder that
     *                    receives one file-set folder per job (FOLDER)
     */
    public record Target(Kind kind, String destination) {
        public Target {
            if (kind == null || destination == null || destination.isBlank()) {
                throw new IllegalArgumentException("a burn target needs a kind and a destination");
            }
        }
    }

    public AutoBurnRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a burn rule needs a name");
        }
        if (quiet == null || quiet.isNegative() || quiet.isZero()) {
            throw new IllegalArgumentException("rule " + name + ": the quiet time must be positive");
        }
        if (callingAet == null && calledAet == null) {
            // A rule for every study received would burn everything; make the clerk say which sender or AE title.
            throw new IllegalArgumentException("rule " + name + " needs calling=AET or called=AET");
        }
        if (profile == null || target == null) {
            throw new IllegalArgumentException("rule " + name + " needs a profile and a target");
        }
    }

    /** STD-GEN-CD, the profile every PDI reader supports (IHE RAD TF-1 15). */
    public AutoBurnRule(String name, String callingAet, String calledAet, Duration quiet, Target target) {
        this(name, callingAet, calledAet, quiet, Profile.STD_GEN_CD, target);
    }

    public boolean matches(String calling, String called) {
        return (callingAet == null || callingAet.equals(calling)) && (calledAet == null || calledAet.equals(called));
    }

    /**
     * Parses the command-line form: comma-separated {@code key=value} pairs, e.g.
     * {@code called=BURN_CD,quiet=30,profile=STD-GEN-CD,iso=/srv/iso}. Keys: {@code name} (default: derived from the
     * trigger and target kind), {@code calling}, {@code called} (at least one), {@code quiet} (seconds, default 30),
     * {@code profile} (default STD-GEN-CD), and exactly one of {@code iso}, {@code folder}, {@code drive}.
     */
    public static AutoBurnRule parse(String spec) {
        String name = null;
        String calling = null;
        String called = null;
        Duration quiet = Duration.ofSeconds(30);
        Profile profile = Profile.STD_GEN_CD;
        Target target = null;
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("auto-burn rule '" + spec + "': expected key=value, found '"
                        + part + "'");
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            switch (key) {
                case "name" -> name = value;
                case "calling" -> calling = RemoteAe.checkAet(value);
                case "called" -> called = RemoteAe.checkAet(value);
                case "quiet" -> {
                    try {
                        quiet = Duration.ofSeconds(Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("auto-burn rule '" + spec + "': quiet is a number of "
                                + "seconds, found '" + value + "'");
                    }
                }
                case "profile" -> profile = Profile.of(value);
                case "iso", "folder", "drive" -> {
                    if (target != null) {
                        throw new IllegalArgumentException("auto-burn rule '" + spec + "': give one of iso=, "
                                + "folder=, drive=");
                    }
                    target = new Target(key.equals("iso") ? Kind.ISO : key.equals("folder") ? Kind.FOLDER
                            : Kind.DISC, value);
                }
                default -> throw new IllegalArgumentException("auto-burn rule '" + spec + "': unknown key '" + key
                        + "' (expected name, calling, called, quiet, profile, iso, folder or drive)");
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("auto-burn rule '" + spec + "': no target (iso=DIR, folder=DIR or "
                    + "drive=DEVICE)");
        }
        if (name == null) {
            name = (called != null ? "called-" + called : "calling-" + calling) + "-"
                    + target.kind().name().toLowerCase(Locale.ROOT);
        }
        return new AutoBurnRule(name, calling, called, quiet, profile, target);
    }
}
