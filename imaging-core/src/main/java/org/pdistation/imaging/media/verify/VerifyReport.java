package org.pdistation.imaging.media.verify;

import java.util.List;
import java.util.Set;

import org.pdistation.imaging.media.Profile;

/**
 * What {@link MediaVerifier} found.
 *
 * @param findings       in the order found (bounded; {@code dropped} counts the findings not kept)
 * @param errors         ERROR findings, including dropped ones
 * @param warnings       WARNING findings, including dropped ones
 * @param dropped        findings counted but not kept because there were too many
 * @param filesVerified  files examined on the medium (DICOM or not, the DICOMDIR included)
 * @param profile        the profile judged: the one asked for, or the one inferred; null when none fits
 * @param satisfied      the General Purpose profiles whose transfer syntaxes every instance uses
 */
public record VerifyReport(List<Finding> findings, int errors, int warnings, int dropped, int filesVerified,
                           Profile profile, Set<Profile> satisfied) {
    public VerifyReport {
        findings = List.copyOf(findings);
        satisfied = Set.copyOf(satisfied);
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** True when some finding has this rule number (whatever its severity). */
    public boolean fires(int rule) {
        return findings.stream().anyMatch(f -> f.rule() == rule);
    }

    public boolean fires(int rule, Severity severity) {
        return findings.stream().anyMatch(f -> f.rule() == rule && f.severity() == severity);
    }

    /** {@code verified N files, E errors, W warnings; profile STD-GEN-CD: conformant}. */
    public String summary() {
        return "verified " + filesVerified + " files, " + errors + " errors, " + warnings + " warnings; profile "
                + (profile == null ? "none" : profile.profileName()) + ": "
                + (hasErrors() || profile == null ? "not conformant" : "conformant");
    }
}
