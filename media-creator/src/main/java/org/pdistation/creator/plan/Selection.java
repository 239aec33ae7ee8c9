package org.pdistation.creator.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instances chosen for media, grouped patient → study → series in a fixed order (so that every plan made from
 * the same inputs is the same), plus the inputs that could not be used.
 */
public record Selection(List<Patient> patients, List<SelectionProblem> problems) {
    public record Patient(String patientId, String patientName, String birthDate, List<Study> studies) {}

    public record Study(String studyUid, String studyDate, String description, List<Series> series) {
        public long sourceBytes() {
            return series.stream().mapToLong(Series::sourceBytes).sum();
        }

        public int instanceCount() {
            return series.stream().mapToInt(s -> s.instances().size()).sum();
        }
    }

    public record Series(String seriesUid, int seriesNumber, String modality, List<InputInstance> instances) {
        public long sourceBytes() {
            return instances.stream().mapToLong(InputInstance::fileSize).sum();
        }
    }

    public Selection {
        patients = List.copyOf(patients);
        problems = List.copyOf(problems);
    }

    public int instanceCount() {
        return patients.stream().flatMap(p -> p.studies().stream()).mapToInt(Study::instanceCount).sum();
    }

    public List<InputInstance> instances() {
        return patients.stream().flatMap(p -> p.studies().stream()).flatMap(s -> s.series().stream())
                .flatMap(s -> s.instances().stream()).toList();
    }

    /**
     * Groups instances. Order: patients by ID, studies by date then UID, series by number then UID, instances by
     * number then SOP Instance UID. A repeated SOP Instance UID is kept once and reported.
     */
    public static Selection of(List<InputInstance> instances, List<SelectionProblem> problems) {
        List<SelectionProblem> allProblems = new ArrayList<>(problems);
        Map<String, InputInstance> unique = new LinkedHashMap<>();
        for (InputInstance i : instances) {
            InputInstance first = unique.putIfAbsent(i.sopInstanceUid(), i);
            if (first != null) {
                allProblems.add(new SelectionProblem(i.file(), "same SOP Instance UID as " + first.file()
                        + "; left out (PS3.10 8.5: one file per instance in a file-set)"));
            }
        }
        Map<String, Map<String, Map<String, List<InputInstance>>>> tree = new LinkedHashMap<>();
        for (InputInstance i : unique.values()) {
            tree.computeIfAbsent(i.patientId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(i.studyUid(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(i.seriesUid(), k -> new ArrayList<>()).add(i);
        }
        List<Patient> patients = new ArrayList<>();
        for (var p : tree.entrySet()) {
            List<Study> studies = new ArrayList<>();
            InputInstance anyOfPatient = null;
            for (var st : p.getValue().entrySet()) {
                List<Series> series = new ArrayList<>();
                InputInstance anyOfStudy = null;
                for (var se : st.getValue().entrySet()) {
                    List<InputInstance> list = new ArrayList<>(se.getValue());
                    list.sort(Comparator.comparingInt(InputInstance::instanceNumber)
                            .thenComparing(InputInstance::sopInstanceUid));
                    InputInstance first = list.get(0);
                    anyOfStudy = first;
                    series.add(new Series(se.getKey(), first.seriesNumber(), first.modality(), List.copyOf(list)));
                }
                series.sort(Comparator.comparingInt(Series::seriesNumber).thenComparing(Series::seriesUid));
                anyOfPatient = anyOfStudy;
                studies.add(new Study(st.getKey(), anyOfStudy.studyDate(), anyOfStudy.studyDescription(),
                        List.copyOf(series)));
            }
            studies.sort(Comparator.comparing(Study::studyDate).thenComparing(Study::studyUid));
            patients.add(new Patient(p.getKey(), anyOfPatient.patientName(), anyOfPatient.patientBirthDate(),
                    List.copyOf(studies)));
        }
        patients.sort(Comparator.comparing(Patient::patientId));
        return new Selection(patients, allProblems);
    }
}
