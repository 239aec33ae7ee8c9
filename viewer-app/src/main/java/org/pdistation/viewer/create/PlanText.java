package org.pdistation.viewer.create;

import java.util.Locale;

import org.pdistation.creator.CreateReport;
import org.pdistation.creator.plan.Plan;
import org.pdistation.creator.plan.PlannedInstance;
import org.pdistation.creator.plan.PlannedMedium;
import org.pdistation.creator.plan.SelectionProblem;
import org.pdistation.viewer.i18n.Messages;

/** The plan, the progress phases and the result of a create job in the clerk's words (and language). */
final class PlanText {
    private PlanText() {}

    static String describe(Messages m, Plan p) {
        StringBuilder b = new StringBuilder();
        // "1 CD, 31 images, 0.2 MB; nothing to convert": what the clerk will hold in the hand, in plain words.
        String media = m.format("create.media." + p.mediumSize().name(), p.media().size());
        String convert = p.totalTranscoded() == 0 ? m.get("create.plan.convertNone")
                : m.format("create.plan.convert", p.totalTranscoded());
        b.append(m.format("create.plan.summary", media, p.totalInstances(), mb(m, p.totalEstimatedBytes()), convert));
        for (PlannedMedium pm : p.media()) {
            b.append('\n').append(m.format("create.plan.medium", pm.number(), pm.studyCount(), pm.instances().size(),
                    mb(m, pm.estimatedBytes())));
            if (!pm.splitStudies().isEmpty()) b.append(' ').append(m.get("create.plan.split"));
        }
        for (PlannedInstance left : p.leftOff()) {
            b.append('\n').append(m.format("create.plan.leftOff", left.input().file().getFileName(),
                    left.decision().reason()));
        }
        for (SelectionProblem sp : p.inputProblems()) {
            b.append('\n').append(m.format("create.plan.notUsed", sp.file() == null ? "" : sp.file().getFileName(),
                    sp.message()));
        }
        return b.toString();
    }

    /** media-creator's phases come as "medium 1/2 stage:web"; the clerk reads "Disc 1 of 2: preparing files". */
    private static final java.util.regex.Pattern MEDIUM_PHASE =
            java.util.regex.Pattern.compile("medium (\\d+)/(\\d+) ([a-z]+)(?::.*)?");

    static String phase(Messages m, String phase, long done, long total) {
        java.util.regex.Matcher mm = MEDIUM_PHASE.matcher(phase);
        String name;
        if (mm.matches()) {
            name = m.format("create.phase.medium", mm.group(1), mm.group(2), phaseName(m, mm.group(3)));
        } else {
            name = phaseName(m, phase.replaceAll(":.*", ""));
        }
        return total > 0 ? m.format("create.phase.counts", name, done, total) : name;
    }

    private static String phaseName(Messages m, String phase) {
        String name = m.get("create.phase." + phase.toLowerCase(Locale.ROOT));
        return name.startsWith("!") ? phase : name;
    }

    static String result(Messages m, CreateReport r) {
        StringBuilder b = new StringBuilder();
        for (CreateReport.MediumReport mr : r.media()) {
            if (!b.isEmpty()) b.append('\n');
            String key = switch (mr.outcome()) {
                case DONE -> "create.result.verified";
                case FAILED -> "create.result.failed";
                case CANCELLED -> "create.result.cancelled";
            };
            b.append(m.format(key, mr.number(), mr.files(), mb(m, mr.bytes()), mr.target()));
            for (String w : mr.warnings()) b.append('\n').append("  ").append(w);
        }
        return b.toString();
    }

    private static String mb(Messages m, long bytes) {
        return String.format(m.locale(), "%.1f", bytes / 1e6);
    }
}
