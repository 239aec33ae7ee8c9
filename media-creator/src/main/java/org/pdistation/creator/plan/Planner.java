package org.pdistation.creator.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pdistation.imaging.media.Profile;

/**
 * Spreads a selection over media. Each medium is a complete file-set. Studies go whole, in selection order, onto
 * the current medium or, when they do not fit, onto the next; only a study larger than an empty medium is split,
 * by series and, for a series larger than a medium, by instance. First fit in order (no reordering to fill gaps),
 * so the same selection always gives the same plan and media follow the studies' dates.
 *
 * <p>Estimates: a kept file costs its size (new meta ± a few bytes); a decompressed one its size plus the native
 * pixel bytes; a losslessly re-encoded one the same as decompressed (the safe bound). Each file is rounded up to
 * whole allocation blocks; each instance adds a DICOMDIR record ({@link #RECORD_BYTES}), each new series, study and
 * patient a record and a folder block. The medium starts with the DICOMDIR header, README and the caller's
 * reserve (web content, viewer).
 */
public final class Planner {
    /** Bytes of one DICOMDIR record with the DVD/USB key set (item header, keys, offsets): generous. */
    static final long RECORD_BYTES = 512;
    static final long README_BYTES = 16 * 1024;
    static final long DICOMDIR_HEADER_BYTES = 2048;

    private final Profile profile;
    private final MediumSize size;
    private final TranscodePolicy policy;
    private final long reservedPerMedium;

    /** @param reservedPerMedium bytes kept free on every medium for content the stager adds (web pages, viewer) */
    public Planner(Profile profile, MediumSize size, TranscodePolicy policy, long reservedPerMedium) {
        this.profile = profile;
        this.size = size;
        this.policy = policy;
        this.reservedPerMedium = reservedPerMedium;
    }

    public Plan plan(Selection selection) {
        Builder b = new Builder();
        for (Selection.Patient p : selection.patients()) {
            for (Selection.Study st : p.studies()) {
                List<PlannedInstance> items = new ArrayList<>();
                for (Selection.Series se : st.series()) {
                    for (InputInstance in : se.instances()) {
                        TranscodeDecision d = policy.decide(in, profile);
                        if (d.action() == TranscodeDecision.Action.LEAVE_OFF) {
                            b.leftOff.add(new PlannedInstance(in, d, 0));
                        } else {
                            items.add(new PlannedInstance(in, d, estimate(in, d)));
                        }
                    }
                }
                b.addStudy(st.studyUid(), items);
            }
        }
        b.close();
        return new Plan(profile, size, b.media, b.leftOff, selection.problems());
    }

    long estimate(InputInstance in, TranscodeDecision d) {
        long bytes = in.fileSize() + 256; // new file meta may be longer than the source's
        if (d.transcodes()) {
            bytes += in.nativePixelBytes();
        }
        return size.allocated(bytes) + RECORD_BYTES;
    }

    /** The fixed cost of a medium: DICOMDIR header, README, root folders, reserve. */
    long baseCost() {
        return size.allocated(DICOMDIR_HEADER_BYTES) + size.allocated(README_BYTES) + 2L * size.blockSize()
                + reservedPerMedium;
    }

    private final class Builder {
        final List<PlannedMedium> media = new ArrayList<>();
        final List<PlannedInstance> leftOff = new ArrayList<>();
        List<PlannedInstance> current = new ArrayList<>();
        Set<String> split = new LinkedHashSet<>();
        long used = baseCost();
        String lastPatient;
        String lastSeries;

        /** What adding these instances to the current medium costs, including new folders and records. */
        long cost(List<PlannedInstance> items, String patient, String series) {
            long c = 0;
            String p = patient;
            String s = series;
            for (PlannedInstance i : items) {
                c += i.estimatedBytes();
                if (!i.input().patientId().equals(p)) {
                    c += 2 * (RECORD_BYTES + size.blockSize());
                    p = i.input().patientId();
                }
                if (!i.input().seriesUid().equals(s)) {
                    c += RECORD_BYTES + size.blockSize();
                    s = i.input().seriesUid();
                }
            }
            return c;
        }

        void add(List<PlannedInstance> items) {
            used += cost(items, lastPatient, lastSeries);
            current.addAll(items);
            PlannedInstance last = items.get(items.size() - 1);
            lastPatient = last.input().patientId();
            lastSeries = last.input().seriesUid();
        }

        boolean fits(List<PlannedInstance> items) {
            return used + cost(items, lastPatient, lastSeries) <= size.usableBytes();
        }

        boolean fitsEmpty(List<PlannedInstance> items) {
            return baseCost() + cost(items, null, null) <= size.usableBytes();
        }

        void addStudy(String studyUid, List<PlannedInstance> items) {
            if (items.isEmpty()) {
                return;
            }
            if (fits(items)) {
                add(items);
                return;
            }
            if (fitsEmpty(items)) {
                close();
                add(items);
                return;
            }
            // One study alone exceeds a medium: split by series, then by instance.
            List<List<PlannedInstance>> series = new ArrayList<>();
            for (PlannedInstance i : items) {
                if (series.isEmpty() || !series.get(series.size() - 1).get(0).input().seriesUid()
                        .equals(i.input().seriesUid())) {
                    series.add(new ArrayList<>());
                }
                series.get(series.size() - 1).add(i);
            }
            for (List<PlannedInstance> s : series) {
                if (fits(s)) {
                    add(s);
                    split.add(studyUid);
                    continue;
                }
                if (fitsEmpty(s)) {
                    closeSplit(studyUid);
                    add(s);
                    split.add(studyUid);
                    continue;
                }
                for (PlannedInstance i : s) {
                    List<PlannedInstance> one = List.of(i);
                    if (!fits(one)) {
                        if (!fitsEmpty(one)) {
                            leftOff.add(new PlannedInstance(i.input(), new TranscodeDecision(
                                    TranscodeDecision.Action.LEAVE_OFF, null,
                                    "larger than an empty " + size.name() + " medium"), i.estimatedBytes()));
                            continue;
                        }
                        closeSplit(studyUid);
                    }
                    add(one);
                    split.add(studyUid);
                }
            }
        }

        private void closeSplit(String studyUid) {
            if (!current.isEmpty()) {
                split.add(studyUid);
            }
            close();
        }

        void close() {
            if (current.isEmpty()) {
                return;
            }
            media.add(new PlannedMedium(media.size() + 1, current, List.copyOf(split), used));
            current = new ArrayList<>();
            split = new LinkedHashSet<>();
            used = baseCost();
            lastPatient = null;
            lastSeries = null;
        }
    }
}
