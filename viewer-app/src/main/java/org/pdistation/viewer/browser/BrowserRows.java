package org.pdistation.viewer.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.model.DicomDates;
import org.pdistation.viewer.model.NameFormat;
import org.pdistation.viewer.model.PatientEntry;
import org.pdistation.viewer.model.SeriesDetails;
import org.pdistation.viewer.model.SeriesEntry;
import org.pdistation.viewer.model.StudyEntry;

/**
 * The words of the browser's rows, from the medium's records completed by the instance headers read so far: what
 * the DICOMDIR says wins, the header fills what it left out (PS3.3 F.5 leaves most keys optional there).
 */
final class BrowserRows {
    private final Messages messages;
    private final Map<SeriesEntry, SeriesDetails> details;

    BrowserRows(Messages messages, Map<SeriesEntry, SeriesDetails> details) {
        this.messages = messages;
        this.details = details;
    }

    private SeriesDetails of(SeriesEntry s) {
        return details.getOrDefault(s, SeriesDetails.NONE);
    }

    /** The series as the medium and its header together describe it. */
    SeriesEntry filled(SeriesEntry s) {
        SeriesDetails d = of(s);
        return new SeriesEntry(s.uid(), SeriesDetails.or(s.number(), d.seriesNumber()),
                SeriesDetails.or(s.modality(), d.modality()), SeriesDetails.or(s.description(), d.seriesDescription()),
                s.files(), s.mayBeImage());
    }

    StudyEntry filled(StudyEntry st) {
        String description = st.description();
        String accession = st.accession();
        for (SeriesEntry s : st.series()) {
            description = SeriesDetails.or(description, of(s).studyDescription());
            accession = SeriesDetails.or(accession, of(s).accession());
        }
        return new StudyEntry(st.uid(), st.date(), description, accession,
                st.series().stream().map(this::filled).toList());
    }

    PatientEntry filled(PatientEntry p) {
        String birth = p.birthDate();
        String sex = p.sex();
        for (StudyEntry st : p.studies()) {
            for (SeriesEntry s : st.series()) {
                birth = SeriesDetails.or(birth, of(s).patientBirthDate());
                sex = SeriesDetails.or(sex, of(s).patientSex());
            }
        }
        return new PatientEntry(p.id(), p.name(), birth, sex, p.studies().stream().map(this::filled).toList());
    }

    /** "Doe Archibald" / "ID 77654033 · born 1950-02-01 · male". */
    BrowserRow patient(PatientEntry raw) {
        PatientEntry p = filled(raw);
        String name = NameFormat.display(p.name());
        List<String> detail = new ArrayList<>();
        if (!p.id().isBlank()) detail.add(messages.format("browser.patient.id", p.id().strip()));
        if (!p.birthDate().isBlank()) {
            detail.add(messages.format("browser.patient.born", DicomDates.display(p.birthDate(), messages.locale())));
        }
        String sex = sex(p.sex());
        if (!sex.isEmpty()) detail.add(sex);
        return new BrowserRow(BrowserRow.Kind.PATIENT, name.isEmpty() ? messages.get("browser.patient.unknown") : name,
                String.join(" · ", detail), "", "", p.studies().stream().mapToInt(StudyEntry::instances).sum(), null);
    }

    /** "XR C Spine" / "Accession 4711", with the study date and its series' modalities. */
    BrowserRow study(StudyEntry raw) {
        StudyEntry st = filled(raw);
        String detail = st.accession().isBlank() ? "" : messages.format("browser.study.accession", st.accession());
        return new BrowserRow(BrowserRow.Kind.STUDY,
                st.description().isBlank() ? messages.get("browser.study.unknown") : st.description(), detail,
                DicomDates.display(st.date(), messages.locale()), modalities(st), st.instances(), null);
    }

    /** "Series 1 · Cervical LAT" / "HEAD"; the date is the study's, so the series row leaves it out. */
    BrowserRow series(SeriesEntry raw) {
        SeriesEntry s = filled(raw);
        String title;
        if (s.number().isBlank()) {
            title = s.description().isBlank() ? messages.get("browser.series.noNumber") : s.description();
        } else {
            title = s.description().isBlank() ? messages.format("browser.series", s.number())
                    : messages.format("browser.series.described", s.number(), s.description());
        }
        return new BrowserRow(BrowserRow.Kind.SERIES, title, of(raw).bodyPart(), "", s.modality(), s.instances(), raw);
    }

    static String modalities(StudyEntry st) {
        return String.join("/", st.series().stream().map(SeriesEntry::modality).filter(m -> !m.isBlank())
                .distinct().toList());
    }

    /** PS3.3 C.7.1.1: M, F or O; anything else is shown as written. */
    private String sex(String code) {
        String c = code == null ? "" : code.strip();
        return switch (c) {
            case "M", "F", "O" -> messages.get("browser.sex." + c);
            default -> c;
        };
    }
}
