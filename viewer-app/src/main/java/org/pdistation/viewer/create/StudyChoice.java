package org.pdistation.viewer.create;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.model.DicomDates;
import org.pdistation.viewer.model.MediaContent;
import org.pdistation.viewer.model.PatientEntry;
import org.pdistation.viewer.model.SeriesEntry;
import org.pdistation.viewer.model.StudyEntry;

/** A study the clerk may put on a disc: a line for the list, its files, and whether it is chosen. */
public final class StudyChoice {
    private final String label;
    private final List<Path> files;
    private final BooleanProperty chosen = new SimpleBooleanProperty(true);

    public StudyChoice(String label, List<Path> files, boolean chosen) {
        this.label = label;
        this.files = List.copyOf(files);
        this.chosen.set(chosen);
    }

    public String label() { return label; }

    public List<Path> files() { return files; }

    public BooleanProperty chosenProperty() { return chosen; }

    /**
     * Every study of an opened medium, as choices; {@code chosenUids} empty: all chosen. A line reads like the
     * browser's study row: "Doe Peter · 2001-01-01 · (no study description) · CT · 7 images" (never a UID, which
     * a clerk cannot read).
     */
    public static List<StudyChoice> of(MediaContent content, java.util.Set<String> chosenUids, Messages m,
                                       java.util.function.Function<PatientEntry, String> patientName) {
        List<StudyChoice> out = new ArrayList<>();
        for (PatientEntry p : content.patients()) {
            for (StudyEntry s : p.studies()) {
                List<Path> files = new ArrayList<>();
                for (SeriesEntry se : s.series()) files.addAll(se.files());
                String modalities = String.join("/", s.series().stream().map(SeriesEntry::modality)
                        .filter(x -> !x.isBlank()).distinct().toList());
                String line = m.format("create.study.line", patientName.apply(p),
                        s.date().isBlank() ? m.get("create.study.noDate") : DicomDates.display(s.date(), m.locale()),
                        s.description().isBlank() ? m.get("browser.study.unknown") : s.description(),
                        modalities.isEmpty() ? "?" : modalities, files.size());
                out.add(new StudyChoice(line, files, chosenUids.isEmpty() || chosenUids.contains(s.uid())));
            }
        }
        return out;
    }

    @Override
    public String toString() { return label; }
}
