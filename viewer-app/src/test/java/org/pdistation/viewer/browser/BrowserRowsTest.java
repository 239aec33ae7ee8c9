package org.pdistation.viewer.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pdistation.viewer.i18n.Messages;
import org.pdistation.viewer.model.PatientEntry;
import org.pdistation.viewer.model.SeriesDetails;
import org.pdistation.viewer.model.SeriesEntry;
import org.pdistation.viewer.model.StudyEntry;

class BrowserRowsTest {
    private final Map<SeriesEntry, SeriesDetails> details = new HashMap<>();
    private final BrowserRows rows = new BrowserRows(new Messages(Locale.ENGLISH), details);
    private final SeriesEntry bare = new SeriesEntry("1.2.3", "1", "CR", "", List.of(Path.of("a")));
    private final StudyEntry study = new StudyEntry("1.2", "20010101", "", "", List.of(bare));
    private final PatientEntry patient = new PatientEntry("77654033", "Doe^Archibald", "", "", List.of(study));

    @Test
    void aSeriesRecordWithoutDescriptionShowsOnlyItsNumberUntilTheHeaderIsRead() {
        assertEquals("Series 1", rows.series(bare).name());
        assertEquals("(no study description)", rows.study(study).name());
        assertEquals("ID 77654033", rows.patient(patient).detail());
    }

    @Test
    void theHeaderFillsWhatTheDicomdirLeftOut() {
        details.put(bare, new SeriesDetails("9", "MR", "Cervical LAT", "CSPINE", "XR C Spine", "A1", "M", "19500201"));
        BrowserRow s = rows.series(bare);
        assertEquals("Series 1 · Cervical LAT", s.name()); // the record's number wins over the header's
        assertEquals("CR", s.modality());
        assertEquals("CSPINE", s.detail());
        BrowserRow st = rows.study(study);
        assertEquals("XR C Spine", st.name());
        assertEquals("Accession A1", st.detail());
        assertEquals("2001-01-01", st.date());
        assertEquals("Doe Archibald", rows.patient(patient).name());
        assertEquals("ID 77654033 · born 1950-02-01 · male", rows.patient(patient).detail());
    }

    @Test
    void aSeriesWithoutNumberIsNamedByItsDescription() {
        SeriesEntry scanned = new SeriesEntry("1.2.4", "", "CT", "", List.of(Path.of("b")));
        assertEquals("Series", rows.series(scanned).name());
        details.put(scanned, new SeriesDetails("", "", "AXIAL 1", "", "", "", "", ""));
        assertEquals("AXIAL 1", rows.series(scanned).name());
    }
}
