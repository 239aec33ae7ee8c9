package org.pdistation.importer.medium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.testing.SharedData;
import org.pdistation.importer.TestMedia;
import org.pdistation.importer.review.InstanceProblem;
import org.pdistation.importer.review.InstanceRecord;
import org.pdistation.importer.review.ReviewModel;

class MediumOpenerTest {

    @Test
    void brokenMediumReportsEachProblemPreciselyAndKeepsTheImportable(@TempDir Path dir) throws Exception {
        TestMedia.Broken b = TestMedia.broken(dir);
        Medium m = MediumOpener.open(dir);
        assertNotNull(m.dicomdir());
        ReviewModel model = ReviewModel.build(m);
        Map<String, InstanceRecord> byId = model.allInstances().stream()
                .collect(Collectors.toMap(InstanceRecord::fileId, r -> r));
        assertEquals(Set.of(InstanceProblem.ESCAPING_FILE_ID),
                byId.get("../../../../../../../../../ETC12").problems());
        assertEquals(Set.of(InstanceProblem.MISSING_FILE), byId.get("DICOM/ST000001/SE000001/IM000003").problems());
        InstanceRecord lower = byId.get("DICOM/ST000001/SE000002/IM000001");
        assertNotNull(lower, byId.keySet().toString());
        assertTrue(lower.importable(), lower.toString());
        assertEquals(Set.of(InstanceProblem.NOT_IN_DICOMDIR), byId.get("EXTRA/DICOM/ST000001/SE000001/IM000001")
                .problems());
        assertTrue(byId.get("DICOM/BROKEN").problems().contains(InstanceProblem.UNREADABLE));
        assertTrue(byId.get("DICOM/COMMIT").problems().contains(InstanceProblem.UNSUPPORTED_SOP_CLASS));
        List<InstanceRecord> importable = model.allInstances().stream().filter(InstanceRecord::importable).toList();
        // The escaping reference's real file is still found (not in DICOMDIR); 6 slices - missing + extra.
        assertEquals(Set.of(InstanceProblem.NOT_IN_DICOMDIR), byId.get("DICOM/ST000001/SE000001/IM000002")
                .problems());
        assertEquals(6, importable.size(), importable.toString());
        assertEquals(3, model.studyUids().size(), "CT study, extra study, commitment instance's study");
    }

    @Test
    void missingDicomdirScansTheFolder(@TempDir Path dir) throws Exception {
        TestMedia.ctWithDicomdir(dir, 4, 16, 3);
        Files.delete(dir.resolve("DICOMDIR"));
        Medium m = MediumOpener.open(dir);
        assertNull(m.dicomdir());
        ReviewModel model = ReviewModel.build(m);
        assertEquals(4, model.allInstances().stream().filter(InstanceRecord::importable).count());
        assertEquals("CT", model.patients().get(0).studies().get(0).modalities());
    }

    @Test
    void everySharedDicomdirOpensWithoutCrashing() throws Exception {
        Path data = SharedData.require().resolve("dicomdata");
        List<Path> dirs;
        try (var s = Files.walk(data)) {
            dirs = s.filter(p -> p.getFileName().toString().equals("DICOMDIR")).toList();
        }
        assertFalse(dirs.isEmpty());
        for (Path d : dirs) {
            ReviewModel model = ReviewModel.build(MediumOpener.open(d));
            assertNotNull(model.allInstances());
        }
        ReviewModel pydicom = ReviewModel.build(MediumOpener.open(data.resolve(
                "dicomdir/pydicom-dicomdirtests/DICOMDIR")));
        assertTrue(pydicom.allInstances().stream().filter(InstanceRecord::importable).count() >= 30);
    }
}
