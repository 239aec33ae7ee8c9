package org.pdistation.imaging.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.archive.index.ArchiveIndex;
import org.pdistation.imaging.archive.index.FindQuery;
import org.pdistation.imaging.archive.index.InstanceRecord;
import org.pdistation.imaging.archive.index.NameKey;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.QueryLevel;

class ArchiveIndexSearchTest {
    @TempDir
    Path dir;
    ArchiveIndex index;

    @BeforeEach
    void fill() throws Exception {
        index = ArchiveIndex.open(dir.resolve("index.sqlite"));
        add("P1", "Müller^Hans", "20200105", "CT", "1.1", 3);
        add("P2", "MULLER^José", "20210310", "MR", "1.2", 2);
        add("P3", "Yamada^Tarou=山田^太郎=やまだ^たろう", "20220701", "CT", "1.3", 1);
        add("P4", "O'Neil_100%^Ann", "20220702", "US", "1.4", 1);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private void add(String id, String name, String date, String modality, String study, int n) throws Exception {
        for (int k = 0; k < n; k++) {
            index.insert(new InstanceRecord(new InstanceRecord.Patient(id, "", name, "19700101", "O"),
                    new InstanceRecord.Study(study, date, "101500", "A" + id, "S1", "desc", null),
                    new InstanceRecord.Series(study + ".1", modality, 1, "series"),
                    new InstanceRecord.Instance(study + ".1." + k, "1.2.840.10008.5.1.4.1.1.2", k + 1,
                            "1.2.840.10008.1.2.1", "objects/" + study + "/" + k, 100, 144, "00", Instant.now(),
                            "TEST")));
        }
    }

    private List<Dataset> find(QueryLevel level, int tag, VR vr, String value) throws Exception {
        Dataset keys = new Dataset();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, level.name());
        keys.setString(tag, vr, value);
        keys.setBytes(Tag.NumberOfStudyRelatedInstances, VR.IS, new byte[0]);
        FindQuery q = new FindQuery(level, keys, "ARCH");
        List<Dataset> out = new ArrayList<>();
        index.withConnection(c -> q.run(c, out::add));
        return out;
    }

    @Test
    void nameSearchIgnoresCaseAndAccents() throws Exception {
        assertEquals(2, find(QueryLevel.STUDY, Tag.PatientName, VR.PN, "muller*").size());
        assertEquals(1, find(QueryLevel.STUDY, Tag.PatientName, VR.PN, "müller^hans").size());
        assertEquals(1, find(QueryLevel.STUDY, Tag.PatientName, VR.PN, "MULLER^JOSE").size());
        assertEquals(1, find(QueryLevel.STUDY, Tag.PatientName, VR.PN, "M?LLER^H*").size());
    }

    @Test
    void japaneseKanjiAndKanaMatchAsStored() throws Exception {
        List<Dataset> kanji = find(QueryLevel.STUDY, Tag.PatientName, VR.PN, "山田*");
        assertEquals(1, kanji.size());
        assertEquals("ISO_IR 192", kanji.get(0).getString(Tag.SpecificCharacterSet));
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", kanji.get(0).getText(Tag.PatientName));
        assertEquals(1, find(QueryLevel.STUDY, Tag.PatientName, VR.PN, "やまだ^たろう").size());
        assertEquals(0, find(QueryLevel.STUDY, Tag.PatientName, VR.PN, "やまた*").size(), "voiced marks kept");
        assertEquals(1, find(QueryLevel.STUDY, Tag.PatientName, VR.PN, "yamada*").size());
    }

    @Test
    void sqlWildcardCharactersInNamesAreLiteral() throws Exception {
        assertEquals(1, find(QueryLevel.STUDY, Tag.PatientName, VR.PN, "O'NEIL_100%*").size());
        assertEquals(0, find(QueryLevel.STUDY, Tag.PatientName, VR.PN, "O'NEIL_1%").size());
    }

    @Test
    void dateRangeModalityAndIdRestrict() throws Exception {
        assertEquals(3, find(QueryLevel.STUDY, Tag.StudyDate, VR.DA, "20210101-20221231").size());
        assertEquals(3, find(QueryLevel.STUDY, Tag.StudyDate, VR.DA, "20210101-").size());
        assertEquals(1, find(QueryLevel.STUDY, Tag.StudyDate, VR.DA, "-20201231").size());
        assertEquals(2, find(QueryLevel.STUDY, Tag.ModalitiesInStudy, VR.CS, "CT").size());
        assertEquals(3, find(QueryLevel.STUDY, Tag.ModalitiesInStudy, VR.CS, "CT\\MR").size());
        assertEquals(1, find(QueryLevel.PATIENT, Tag.PatientID, VR.LO, "P2").size());
        assertEquals(3, find(QueryLevel.IMAGE, Tag.StudyInstanceUID, VR.UI, "1.1").size());
    }

    @Test
    void countsAreKeptPerStudyAndRemovedWithIt() throws Exception {
        List<Dataset> s = find(QueryLevel.STUDY, Tag.StudyInstanceUID, VR.UI, "1.1");
        assertEquals(3, s.get(0).getInt(Tag.NumberOfStudyRelatedInstances, -1));
        assertEquals(3, index.deleteStudy("1.1").size());
        assertEquals(0, find(QueryLevel.STUDY, Tag.StudyInstanceUID, VR.UI, "1.1").size());
        assertEquals(0, find(QueryLevel.PATIENT, Tag.PatientID, VR.LO, "P1").size());
        assertEquals(2, index.schemaVersion());
    }

    @Test
    void nameKeyStripsLatinDiacriticsButNotKanaMarks() {
        assertEquals("MULLER^JOSE", NameKey.of("Müller^José"));
        assertTrue(NameKey.of("が").codePointCount(0, NameKey.of("が").length()) == 1);
        assertEquals(NameKey.of("ガ"), NameKey.of("ｶﾞ"));
    }
}
