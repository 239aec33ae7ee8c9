package org.pdistation.importer.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SyslogLineTest {
    @Test
    void transferredEventIsOneRfc5424LineWithEscapedStructuredData() {
        AuditEvent e = new AuditEvent(AuditEvent.Type.TRANSFERRED, Instant.parse("2026-11-20T10:11:12.345Z"), 4,
                "clerk", "DICOMDIR file-set at /media/cd]", "ORTHANC@127.0.0.1:4242", List.of("1.2.3", "1.2.4"),
                List.of("LOC\"42"), 7, "job 7 COMPLETE_WITH_FAILURES: stored 5, failed 1");
        String line = SyslogLine.format(e, "station 1", 1234);
        // facility 10 (authpriv) * 8 + severity 4 (warning, outcome 4 = minor failure)
        assertEquals("<84>1 2026-11-20T10:11:12.345000Z station_1 pdistation 1234 IMPORT [audit@32473"
                + " eventID=\"110104\" event=\"DICOM Instances Transferred\" action=\"C\" outcome=\"4\""
                + " user=\"clerk\" source=\"DICOMDIR file-set at /media/cd\\]\""
                + " destination=\"ORTHANC@127.0.0.1:4242\" job=\"7\" studies=\"1.2.3,1.2.4\""
                + " patientIDs=\"LOC\\\"42\"] DICOM Instances Transferred: job 7 COMPLETE_WITH_FAILURES: stored 5,"
                + " failed 1", line);
    }

    @Test
    void beginEventIsExecuteActionWithNoticeSeverity() {
        AuditEvent e = new AuditEvent(AuditEvent.Type.BEGIN, Instant.parse("2026-11-20T10:11:12Z"), 0, "clerk",
                "m", "P@h:1", List.of(), List.of(), 1, "x");
        String line = SyslogLine.format(e, "h", 1);
        assertEquals("<85>1 2026-11-20T10:11:12.000000Z h pdistation 1 IMPORT [audit@32473 eventID=\"110102\""
                + " event=\"Begin Transferring DICOM Instances\" action=\"E\" outcome=\"0\" user=\"clerk\" source=\"m\""
                + " destination=\"P@h:1\" job=\"1\" studies=\"\" patientIDs=\"\"] Begin Transferring DICOM Instances: x",
                line);
    }
}
