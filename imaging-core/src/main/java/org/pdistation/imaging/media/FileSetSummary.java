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

    public static FileSetSummary of(FileSetTree tree) {
        List<SeriesSummary> rows = new ArrayList<>();
        for (DirectoryRecord p : tree.roots()) {
            if (p.type() != RecordType.PATIENT) {
                continue;
            }
            String pid = p.keys().getString(Tag.PatientID, "");
            String pname = p.keys().getString(Tag.PatientName, "");
            for (DirectoryRecord st : p.children()) {
                if (st.type() != RecordType.STUDY) {
                    continue;
                }
                for (DirectoryRecord se : st.children()) {
                    if (se.type() != RecordType.SERIES) {
                        continue;
                    }
                    rows.add(new SeriesSummary(pid, pname, st.keys().getString(Tag.StudyInstanceUID, ""),
                            st.keys().getString(Tag.StudyDate, ""), se.keys().getString(Tag.SeriesInstanceUID, ""),
                            se.keys().getString(Tag.Modality, ""), countLeaves(se)));
                }
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
