package org.pdistation.creator.stage;

import java.time.LocalDate;

/**
 * What the user chose for the media beyond the plan.
 *
 * @param institution  creating institution, named in README.TXT (and the label / web content)
 * @param contact      a contact line for README.TXT (phone, e-mail), may be empty
 * @param fileSetId    (0004,1130), 0–16 of A–Z 0–9 _; several media get a number appended within 16 characters
 * @param web          web content asked for (filled by a {@link StagingStep})
 * @param label        a label asked for
 * @param replace      a folder target may replace an existing file-set
 * @param date         creation date written in README.TXT
 */
public record CreateOptions(String institution, String contact, String fileSetId, boolean web, boolean label,
                            boolean replace, LocalDate date) {
    public static CreateOptions defaults() {
        return new CreateOptions("", "", "PDISTATION", false, false, false, LocalDate.now());
    }

    public CreateOptions {
        institution = institution == null ? "" : institution;
        contact = contact == null ? "" : contact;
        fileSetId = fileSetId == null ? "" : fileSetId;
        if (!fileSetId.matches("[A-Z0-9_]{0,16}")) {
            throw new IllegalArgumentException("File-set ID must be 0-16 characters A-Z 0-9 _ (PS3.10 8.2): " + fileSetId);
        }
        date = date == null ? LocalDate.now() : date;
    }

    public CreateOptions withReplace(boolean r) {
        return new CreateOptions(institution, contact, fileSetId, web, label, r, date);
    }

    /** The File-set ID of medium {@code n} of {@code count}: the same ID for one medium, else ID + number. */
    public String fileSetIdFor(int n, int count) {
        if (count <= 1) {
            return fileSetId;
        }
        String suffix = Integer.toString(n);
        String base = fileSetId.length() + suffix.length() > 16 ? fileSetId.substring(0, 16 - suffix.length())
                : fileSetId;
        return base + suffix;
    }
}
