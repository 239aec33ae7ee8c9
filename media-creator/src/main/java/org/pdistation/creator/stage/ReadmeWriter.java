package org.pdistation.creator.stage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.pdistation.creator.plan.InputInstance;
import org.pdistation.creator.plan.PlannedInstance;

/**
 * README.TXT in the root (PDI-REQUIREMENTS 3, IHE PDI): who made the medium, when, with which software and version,
 * what is on it (patients, studies with dates and modalities, instance counts), how to view it, and a contact.
 * UTF-8 without byte order mark, CRLF line ends so that Windows Notepad shows lines; plain ASCII when the names are.
 */
public final class ReadmeWriter {
    public static final String FILE_NAME = "README.TXT";

    private ReadmeWriter() {}

    public static Path write(StagedFileSet set) throws IOException {
        Path out = set.root().resolve(FILE_NAME);
        Files.deleteIfExists(out);
        Privacy.createFile(out);
        Files.writeString(out, text(set), StandardCharsets.UTF_8);
        return out;
    }

    static String text(StagedFileSet set) {
        List<String> l = new ArrayList<>();
        l.add("DICOM MEDIUM - IHE Portable Data for Imaging (PDI)");
        l.add("");
        l.add("Created by:   " + (set.institution().isBlank() ? "(institution not given)" : set.institution()));
        l.add("Created on:   " + set.options().date());
        l.add("Software:     PDI Station " + version());
        l.add("Profile:      " + set.profile() + " (DICOM PS3.11)");
        l.add("File-set ID:  " + (set.fileSetId().isEmpty() ? "(none)" : set.fileSetId()));
        if (set.count() > 1) {
            l.add("Medium:       " + set.number() + " of " + set.count()
                    + " (each medium is a complete DICOM file-set of its own)");
        }
        l.add("");
        l.add("CONTENTS");
        Map<String, Map<String, List<InputInstance>>> byPatient = new LinkedHashMap<>();
        for (PlannedInstance p : set.medium().instances()) {
            InputInstance i = p.input();
            byPatient.computeIfAbsent(i.patientId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(i.studyUid(), k -> new ArrayList<>()).add(i);
        }
        for (var patient : byPatient.entrySet()) {
            InputInstance first = patient.getValue().values().iterator().next().get(0);
            l.add("");
            l.add("Patient:      " + first.patientName().replace('^', ' ').strip() + "  (ID " + patient.getKey()
                    + (first.patientBirthDate().isEmpty() ? "" : ", born " + date(first.patientBirthDate())) + ")");
            for (var study : patient.getValue().entrySet()) {
                List<InputInstance> list = study.getValue();
                InputInstance s = list.get(0);
                TreeSet<String> modalities = new TreeSet<>();
                long series = list.stream().peek(i -> {
                    if (!i.modality().isEmpty()) {
                        modalities.add(i.modality());
                    }
                }).map(InputInstance::seriesUid).distinct().count();
                l.add("  Study " + date(s.studyDate()) + "  " + s.studyDescription() + "  ["
                        + String.join(", ", modalities) + "]  " + series + " series, " + list.size() + " instances");
            }
        }
        l.add("");
        l.add("HOW TO VIEW");
        l.add("Open the medium with any DICOM viewer and choose the DICOMDIR file in the top folder; it lists every");
        l.add("image on this medium. The images are in the DICOM folder. " + (set.options().web()
                ? "Without a DICOM viewer, open INDEX.HTM in a web browser." : ""));
        l.add("Nothing on this medium starts or installs itself.");
        l.add("");
        l.add("CONTACT");
        l.add(set.options().contact().isBlank()
                ? "Please contact " + (set.institution().isBlank() ? "the institution that gave you this medium"
                : set.institution()) + " with any question about it."
                : set.options().contact());
        return String.join("\r\n", l) + "\r\n";
    }

    private static String date(String da) {
        return da.length() == 8 ? da.substring(0, 4) + "-" + da.substring(4, 6) + "-" + da.substring(6) : da;
    }

    static String version() {
        String v = ReadmeWriter.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }
}
