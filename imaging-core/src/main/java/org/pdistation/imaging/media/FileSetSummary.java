package org.pdistation.imaging.media;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pdistation.imaging.data.Tag;

/**
 * Patients → studies → series → instance counts of a file-set, from its DICOMDIR or from a scan.
 *
 * @param series    one row per series, grouped by patient and study in file-set order
 * @param problems  the problems of the DICOMDIR or the scan
 */
public record FileSetSummary(List<SeriesSummary> series, List<FileSetProblem> problems) {
    public FileSetSummary {
        series = List.copyOf(series);
        problems = List.copyOf(problems);
    }

    public int instances() {
        return series.stream().mapToInt(SeriesSummary::instances).sum();
    }

    public long patients() {
        return series.stream().map(SeriesSummary::patientId).distinct().count();
    }

    public long studies() {
        return series.stream().map(SeriesSummary::studyUid).distinct().count();
    }

    /**
     * Rows for every SERIES record below a STUDY. The patient is the nearest record above the study that carries a
     * Patient ID, so that a patient record of an unknown type (a damaged DICOMDIR) still names its patient.
     */
    public static FileSetSummary of(FileSetTree tree) {
        record Step(DirectoryRecord record, DirectoryRecord patient, DirectoryRecord study) {}
        List<SeriesSummary> rows = new ArrayList<>();
        Deque<Step> stack = new ArrayDeque<>();
        for (int i = tree.roots().size() - 1; i >= 0; i--) {
            stack.push(new Step(tree.roots().get(i), null, null));
        }
        while (!stack.isEmpty()) {
            Step s = stack.pop();
            DirectoryRecord r = s.record();
            DirectoryRecord patient = s.patient();
            DirectoryRecord study = s.study();
            if (r.type() == RecordType.SERIES && study != null) {
                rows.add(new SeriesSummary(patient == null ? "" : patient.keys().getString(Tag.PatientID, ""),
                        patient == null ? "" : patient.keys().getString(Tag.PatientName, ""),
                        study.keys().getString(Tag.StudyInstanceUID, ""), study.keys().getString(Tag.StudyDate, ""),
                        r.keys().getString(Tag.SeriesInstanceUID, ""), r.keys().getString(Tag.Modality, ""),
                        countLeaves(r)));
                continue;
            }
            if (r.type() == RecordType.STUDY) {
                study = r;
            } else if (study == null && (r.type() == RecordType.PATIENT || r.keys().contains(Tag.PatientID))) {
                patient = r;
            }
            List<DirectoryRecord> c = r.children();
            for (int i = c.size() - 1; i >= 0; i--) {
                stack.push(new Step(c.get(i), patient, study));
            }
        }
        return new FileSetSummary(rows, tree.problems());
    }

    private static int countLeaves(DirectoryRecord series) {
        int n = 0;
        Deque<DirectoryRecord> stack = new ArrayDeque<>(series.children());
        while (!stack.isEmpty()) {
            DirectoryRecord r = stack.pop();
            if (r.type().isLeaf()) {
                n++;
            }
            stack.addAll(r.children());
        }
        return n;
    }

    public static FileSetSummary of(FileSetScanner.Scan scan) {
        Map<String, SeriesSummary> bySeries = new LinkedHashMap<>();
        for (ScannedInstance i : scan.instances()) {
            String key = i.patientId() + '\0' + i.studyUid() + '\0' + i.seriesUid();
            SeriesSummary s = bySeries.get(key);
            bySeries.put(key, s == null
                    ? new SeriesSummary(i.patientId(), i.patientName(), i.studyUid(), i.studyDate(), i.seriesUid(),
                            i.modality(), 1)
                    : new SeriesSummary(s.patientId(), s.patientName(), s.studyUid(), s.studyDate(), s.seriesUid(),
                            s.modality(), s.instances() + 1));
        }
        List<SeriesSummary> rows = new ArrayList<>(bySeries.values());
        // Group rows of one patient and study together, keeping first-seen order otherwise.
        List<String> patientOrder = rows.stream().map(SeriesSummary::patientId).distinct().toList();
        List<String> studyOrder = rows.stream().map(SeriesSummary::studyUid).distinct().toList();
        rows.sort((a, b) -> {
            int c = Integer.compare(patientOrder.indexOf(a.patientId()), patientOrder.indexOf(b.patientId()));
            return c != 0 ? c : Integer.compare(studyOrder.indexOf(a.studyUid()), studyOrder.indexOf(b.studyUid()));
        });
        return new FileSetSummary(rows, scan.problems());
    }
}
