package org.pdistation.creator;

import java.nio.file.Path;
import java.util.List;

import org.pdistation.creator.plan.Plan;

/** What a create job did, medium by medium. DONE only after the read-back verification passed. */
public record CreateReport(Plan plan, List<MediumReport> media) {
    public enum Outcome { DONE, FAILED, CANCELLED }

    /**
     * @param target     where it went ({@link org.pdistation.creator.target.MediaTarget#describe()})
     * @param files      DICOM files written
     * @param bytes      bytes of all staged files (DICOM, DICOMDIR, README, web content)
     * @param staged     the staging folder, kept after a failure (null when removed)
     * @param reason     why it failed, or null
     */
    public record MediumReport(int number, String target, int files, long bytes, long transcoded,
                               List<String> warnings, List<String> leftOff, Outcome outcome, String reason,
                               Path staged) {
        public MediumReport {
            warnings = List.copyOf(warnings);
            leftOff = List.copyOf(leftOff);
        }
    }

    public CreateReport {
        media = List.copyOf(media);
    }

    public boolean allDone() {
        return !media.isEmpty() && media.stream().allMatch(m -> m.outcome() == Outcome.DONE);
    }
}
