package org.pdistation.creator.plan;

import java.util.List;

import org.pdistation.imaging.media.Profile;

/**
 * What will be written, before anything is: media with their instances and sizes, the instances left off (with
 * the reason), and the inputs that could not be read at all.
 */
public record Plan(Profile profile, MediumSize mediumSize, List<PlannedMedium> media, List<PlannedInstance> leftOff,
                   List<SelectionProblem> inputProblems) {
    public Plan {
        media = List.copyOf(media);
        leftOff = List.copyOf(leftOff);
        inputProblems = List.copyOf(inputProblems);
    }

    public long totalEstimatedBytes() {
        return media.stream().mapToLong(PlannedMedium::estimatedBytes).sum();
    }

    public int totalInstances() {
        return media.stream().mapToInt(m -> m.instances().size()).sum();
    }

    public long totalTranscoded() {
        return media.stream().mapToLong(PlannedMedium::transcodedCount).sum();
    }

    /** A few lines for a terminal or a log (no patient data). */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%s on %s: %d medi%s, %d instances, %d transcoded, about %.1f MB%n", profile,
                mediumSize.name(), media.size(), media.size() == 1 ? "um" : "a", totalInstances(), totalTranscoded(),
                totalEstimatedBytes() / 1e6));
        for (PlannedMedium m : media) {
            b.append(String.format("  medium %d: %d studies, %d instances, %d transcoded, about %.1f MB%s%n",
                    m.number(), m.studyCount(), m.instances().size(), m.transcodedCount(), m.estimatedBytes() / 1e6,
                    m.splitStudies().isEmpty() ? "" : " (a study continues on another medium)"));
        }
        for (PlannedInstance p : leftOff) {
            b.append("  left off: ").append(p.input().file()).append(": ").append(p.decision().reason())
                    .append(System.lineSeparator());
        }
        for (SelectionProblem p : inputProblems) {
            b.append("  not used: ").append(p).append(System.lineSeparator());
        }
        return b.toString();
    }
}
