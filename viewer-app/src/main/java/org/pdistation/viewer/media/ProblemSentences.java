package org.pdistation.viewer.media;

import org.pdistation.imaging.media.verify.Finding;
import org.pdistation.imaging.media.verify.FindingKind;
import org.pdistation.imaging.media.verify.Severity;
import org.pdistation.viewer.i18n.Messages;

/**
 * Turns the verifier's findings into one plain sentence each, from the resource bundles. The sentence is chosen by
 * the finding's {@link FindingKind} (one per distinct fault of a rule of PDI-REQUIREMENTS.md), never by its English
 * message text, which stays the technical detail.
 */
public final class ProblemSentences {
    private final Messages messages;

    public ProblemSentences(Messages messages) {
        this.messages = messages;
    }

    public MediumProblem of(Finding f) {
        return new MediumProblem(f.severity() == Severity.ERROR, sentence(f), file(f), "R" + f.rule(), f.format());
    }

    /**
     * The file the person should look for: for a DICOMDIR reference that is missing or misnamed that is the
     * referenced file, not the DICOMDIR it was found in (the verifier says which in {@link Finding#file()}).
     */
    static String file(Finding f) {
        return f.file();
    }

    public String sentence(Finding f) {
        String s = messages.get(key(f.kind()));
        return s.startsWith("!") ? messages.format("check.other", "R" + f.rule()) : s;
    }

    static String key(Finding f) {
        return key(f.kind());
    }

    /** The bundle key of a kind's sentence. */
    static String key(FindingKind kind) {
        return switch (kind) {
            case CHECK_FAILED -> "check.R0";
            case UNREADABLE -> "check.unreadable";
            case DICOMDIR_MISSING -> "check.R1.none";
            case DICOMDIR_NAME -> "check.R1.name";
            case SECOND_DICOMDIR -> "check.R1.second";
            case DICOM_IN_ROOT -> "check.R2";
            case README -> "check.R3";
            case WEB_CONTENT_MISSING -> "check.R4";
            case DICOM_IN_WEB_CONTENT -> "check.R4.dicom";
            case IHE_NAME -> "check.R5";
            case NON_DICOM_REFERENCED -> "check.R6";
            case ISO9660_NAME -> "check.R10";
            case FILE_ID_FORM -> "check.R11";
            case FILE_ID_VARIANT -> "check.R11.variant";
            case FILE_ID_ESCAPES -> "check.R13";
            case DICOMDIR_UNREADABLE -> "check.dicomdirUnreadable";
            case DICOMDIR_META -> "check.R14";
            case FILE_SET_ID -> "check.R15";
            case OFFSETS -> "check.R16";
            case HIERARCHY -> "check.R17";
            case REQUIRED_KEY -> "check.R18";
            case PROFILE_KEY -> "check.R19";
            case MISSING_FILE -> "check.R20.missing";
            case NOT_IN_DICOMDIR -> "check.R20.unlisted";
            case NO_FILE_REFERENCED -> "check.R20.noFile";
            case DUPLICATE -> "check.R20.twice";
            case PARTIAL -> "check.R20.partial";
            case LEAF_MISMATCH -> "check.R21";
            case ATTRIBUTES_DIFFER -> "check.R22";
            case ICON -> "check.R23";
            case TRANSFER_SYNTAX_CD -> "check.R24";
            case TRANSFER_SYNTAX_PROFILE -> "check.R25";
            case PROFILE_INFERRED -> "check.R25.inferred";
            case LOSSY -> "check.R26";
        };
    }
}
