package org.pdistation.creator.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.media.Profile;
import org.pdistation.imaging.media.verify.Finding;
import org.pdistation.imaging.media.verify.MediaVerifier;
import org.pdistation.imaging.media.verify.Severity;
import org.pdistation.imaging.media.verify.VerifyOptions;
import org.pdistation.imaging.media.verify.VerifyReport;

/**
 * The PDI conformance check (imaging-core {@link MediaVerifier}, PDI-REQUIREMENTS A-D) of a written medium, judged
 * against the profile it was written for: ERROR findings fail the medium, WARNING findings are reported.
 */
public final class ConformanceCheck implements MediumCheck {
    private final VerifyOptions options;

    public ConformanceCheck(Profile profile, boolean webContent) {
        this.options = VerifyOptions.DEFAULT.withProfile(profile).withWebContent(webContent);
    }

    @Override
    public List<String> errors(Path root) throws IOException {
        return check(root).errors();
    }

    @Override
    public Outcome check(Path root) throws IOException {
        VerifyReport r = MediaVerifier.verify(root, options);
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (f.severity() == Severity.ERROR) {
                errors.add("verify-media: " + f.format());
            } else if (f.severity() == Severity.WARNING) {
                warnings.add("verify-media: " + f.format());
            }
        }
        if (r.hasErrors() && errors.isEmpty()) {
            errors.add("verify-media: " + r.summary());
        }
        return new Outcome(errors, warnings);
    }
}
