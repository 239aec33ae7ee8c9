package org.pdistation.viewer.media;

import org.pdistation.imaging.media.verify.Finding;
import org.pdistation.imaging.media.verify.Severity;
import org.pdistation.viewer.i18n.Messages;

/**
 * Turns the verifier's findings (rule numbers of PDI-REQUIREMENTS.md, technical messages) into one plain sentence
 * each, from the resource bundles. A rule that covers several different faults (rule 20: one record per instance,
 * every file referenced, every reference resolvable) gets one sentence per fault, told apart by the finding's text.
 */
public final class ProblemSentences {
    private static final java.util.regex.Pattern QUOTED_FILE_ID = java.util.regex.Pattern.compile("'([^']+)'");
    private final Messages messages;

    public ProblemSentences(Messages messages) {
        this.messages = messages;
    }

    public MediumProblem of(Finding f) {
        return new MediumProblem(f.severity() == Severity.ERROR, sentence(f), file(f), "R" + f.rule(), f.format());
    }

    /**
     * The file the person should look for: a finding on a DICOMDIR record that names a Referenced File ID (a missing
     * file, a name written differently) is about that file, not about the DICOMDIR it was found in.
     */
    static String file(Finding f) {
        java.util.regex.Matcher m = QUOTED_FILE_ID.matcher(f.message());
        if (f.tag() != null && f.tag() == org.pdistation.imaging.data.Tag.ReferencedFileID && m.find()) {
            return m.group(1).replace('\\', '/');
        }
        return f.path();
    }

    public String sentence(Finding f) {
        String key = key(f);
        String s = messages.get(key);
        return s.startsWith("!") ? messages.format("check.other", "R" + f.rule()) : s;
    }

    /** The bundle key of {@code f}'s sentence: {@code check.R<rule>} or {@code check.R<rule>.<fault>}. */
    static String key(Finding f) {
        String m = f.message();
        String base = "check.R" + f.rule();
        return switch (f.rule()) {
            case 1 -> m.startsWith("no DICOMDIR") ? base + ".none"
                    : m.startsWith("a second DICOMDIR") ? base + ".second"
                    : m.startsWith("cannot list") ? "check.unreadable" : base + ".name";
            case 4 -> m.startsWith("a DICOM file") ? base + ".dicom" : base;
            case 11 -> m.contains("resolves only through the variant") ? base + ".variant" : base;
            case 14 -> m.startsWith("cannot be") ? "check.dicomdirUnreadable" : base;
            case 20 -> rule20(m, base);
            default -> base;
        };
    }

    private static String rule20(String m, String base) {
        if (m.contains("does not exist")) return base + ".missing";
        if (m.contains("not referenced")) return base + ".unlisted";
        if (m.contains("cannot be read") || m.contains("cannot resolve")) return "check.unreadable";
        if (m.contains("references no file")) return base + ".noFile";
        if (m.startsWith("more than")) return base + ".partial";
        return base + ".twice"; // a second record, a second reference, a shared SOP Instance UID
    }
}
