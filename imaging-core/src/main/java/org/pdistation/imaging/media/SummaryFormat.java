package org.pdistation.imaging.media;

import java.util.List;

/** Renders a {@link FileSetSummary} for the command line: a tab-separated table or an indented tree. */
public final class SummaryFormat {
    public static final List<String> TSV_COLUMNS =
            List.of("patient_id", "patient_name", "study_uid", "study_date", "series_uid", "modality", "instances");

    private SummaryFormat() {}

    /** Header line and one line per series; tabs and line breaks inside values become spaces. */
    public static String tsv(FileSetSummary s) {
        StringBuilder sb = new StringBuilder(String.join("\t", TSV_COLUMNS)).append('\n');
        for (SeriesSummary r : s.series()) {
            sb.append(String.join("\t", clean(r.patientId()), clean(r.patientName()), clean(r.studyUid()),
                    clean(r.studyDate()), clean(r.seriesUid()), clean(r.modality()),
                    Integer.toString(r.instances()))).append('\n');
        }
        return sb.toString();
    }

    /** Patient, study and series lines indented by level, each with its instance count. */
    public static String text(FileSetSummary s) {
        StringBuilder sb = new StringBuilder();
        String patient = null;
        String study = null;
        List<SeriesSummary> rows = s.series();
        for (int i = 0; i < rows.size(); i++) {
            SeriesSummary r = rows.get(i);
            if (!r.patientId().equals(patient)) {
                patient = r.patientId();
                study = null;
                int n = 0;
                long studies = 0;
                String seen = null;
                for (int j = i; j < rows.size() && rows.get(j).patientId().equals(patient); j++) {
                    n += rows.get(j).instances();
                    if (!rows.get(j).studyUid().equals(seen)) {
                        studies++;
                        seen = rows.get(j).studyUid();
                    }
                }
                sb.append("Patient ").append(clean(r.patientId())).append(" ").append(clean(r.patientName()))
                        .append(" (").append(studies).append(studies == 1 ? " study, " : " studies, ")
                        .append(n).append(n == 1 ? " instance)" : " instances)").append('\n');
            }
            if (!r.studyUid().equals(study)) {
                study = r.studyUid();
                int n = 0;
                for (int j = i; j < rows.size() && rows.get(j).studyUid().equals(study)
                        && rows.get(j).patientId().equals(patient); j++) {
                    n += rows.get(j).instances();
                }
                sb.append("  Study ").append(clean(r.studyUid())).append(" ").append(clean(r.studyDate()))
                        .append(" (").append(n).append(n == 1 ? " instance)" : " instances)").append('\n');
            }
            sb.append("    Series ").append(clean(r.seriesUid())).append(" ").append(clean(r.modality()))
                    .append(" (").append(r.instances()).append(r.instances() == 1 ? " instance)" : " instances)")
                    .append('\n');
        }
        sb.append(s.patients()).append(" patient(s), ").append(s.studies()).append(" study(ies), ")
                .append(s.series().size()).append(" series, ").append(s.instances()).append(" instance(s)\n");
        return sb.toString();
    }

    private static String clean(String v) {
        return v == null ? "" : v.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
