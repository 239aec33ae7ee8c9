package org.pdistation.importer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.testing.Peers;
import org.pdistation.importer.journal.InstanceState;
import org.pdistation.importer.journal.Journal;

/** The PDF report read back with poppler's pdftotext: counts, sections and every instance line present. */
class ImportReportPdfTest {
    @Test
    void pdfHoldsTheCountsAndOneLinePerInstanceOverSeveralPages(@TempDir Path dir) throws Exception {
        Path pdftotext = Peers.require("pdftotext");
        Journal.Job job = new Journal.Job(7, "DICOMDIR file-set at /media/cd", "/media/cd", "PACS@10.0.0.1:104",
                null, "2024-05-01T10:00:00Z", "2024-05-01T10:05:00Z", "COMPLETE_WITH_FAILURES", "2.25.1", "CD1",
                "LOC1");
        List<ImportReport.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            entries.add(new ImportReport.Entry(InstanceState.STORED, "DICOM/ST000001/SE000001/IM" + String.format(
                    "%06d", i), "2.25.1000" + i, "2.25.2", "2.25.3", 0, "", 1));
        }
        entries.add(new ImportReport.Entry(InstanceState.FAILED, "DICOM/ST000001/SE000002/IM000001", "2.25.9001",
                "2.25.2", "2.25.4", 0xA700, "out of resources; a long explanation that goes on and on so that the"
                + " line is wrapped by the layout because it is far wider than the page can hold in eight point", 5));
        entries.add(new ImportReport.Entry(InstanceState.UNSUPPORTED, "DICOM/PALETTE", "2.25.9002", null, null,
                null, "refused by PACS", 1));
        ImportReport report = new ImportReport(job, Map.of(InstanceState.STORED, 150, InstanceState.FAILED, 1,
                InstanceState.UNSUPPORTED, 1), entries);
        Path pdf = dir.resolve("report.pdf");
        ImportReportPdf.write(report, pdf);

        Peers.Result r = Peers.run(Duration.ofSeconds(30), pdftotext.toString(), "-layout", pdf.toString(), "-")
                .requireSuccess();
        String text = r.stdout();
        assertTrue(text.contains("Import report, job 7 (COMPLETE_WITH_FAILURES)"), text);
        assertTrue(text.contains("stored 150, warnings 0, failed 1, duplicates 0, unsupported 1, unreadable 0"), text);
        assertTrue(text.contains("FAILED (1)") && text.contains("status A700") && text.contains("eight point"), text);
        assertTrue(text.contains("UNSUPPORTED (1)") && text.contains("refused by PACS"), text);
        for (int i = 1; i <= 150; i++) {
            String line = "SE000001/IM" + String.format("%06d", i) + "\\s+SOP 2\\.25\\.1000" + i + "\\s";
            assertTrue(java.util.regex.Pattern.compile(line).matcher(text).find(), "line " + i + ":\n" + text);
        }
        int pages = (int) text.chars().filter(c -> c == '\f').count();
        assertTrue(pages >= 3, "pages: " + pages);
        assertTrue(text.contains("page 1 of " + pages) && text.contains("page " + pages + " of " + pages), text);
        assertEquals(-1, text.indexOf("Bench^"));
    }
}
