package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.testing.SharedData;

class DumpCommandTest extends InProcessCli {
    @Test
    void dumpsAFileAsTextWithMetaFirst() {
        Path f = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        assertEquals(0, run("dump", f.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.indexOf("(0002,0010) UI [1.2.840.10008.1.2.1]") < text.indexOf("(0008,0016) UI"), text);
        assertTrue(text.contains("(0010,0010) PN [CompressedSamples^CT1]"), text);
        assertTrue(text.contains("# 22, 1 PatientName"), text);
        assertTrue(text.contains("(7FE0,0010) OW <bulk data 32768 bytes at offset "), text);
    }

    @Test
    void dumpsJsonAsOneObjectForOneFileAndAnArrayForSeveral() {
        Path f = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        assertEquals(0, run("dump", "--format", "json", "--bulk", "omit", f.toString()), err.toString());
        String one = out.toString().strip();
        assertTrue(one.startsWith("{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 100\"]}"), one);
        assertTrue(one.contains("\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"CompressedSamples^CT1\"}]}"), one);
        assertTrue(one.contains(",\"7FE00010\":{\"vr\":\"OW\"},"), "pixel data omitted");

        out.getBuffer().setLength(0);
        assertEquals(0, run("dump", "--format=JSON", "--bulk=omit", f.toString(), f.toString()));
        assertEquals("[" + one + "," + one + "]", out.toString().strip());
    }

    @Test
    void bulkDataUriPointsIntoTheFile() {
        Path f = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        assertEquals(0, run("dump", "--format", "json", "--bulk", "uri", f.toString()));
        assertTrue(out.toString().contains("\"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\":\"file:"), out.toString());
        assertTrue(out.toString().contains(",length=32768\"}"), out.toString());
    }

    @Test
    void reportsAnUnreadableFileAndStillDumpsTheOthers(@TempDir Path tmp) throws IOException {
        Path f = SharedData.requireDicomFile("single/pydicom/CT_small.dcm");
        Path missing = tmp.resolve("missing.dcm");
        assertEquals(1, run("dump", "--format", "json", "--bulk", "omit", missing.toString(), f.toString()));
        assertTrue(err.toString().contains(missing + ": cannot read: no such file"), err.toString());
        String json = out.toString().strip();
        assertTrue(json.startsWith("[{\"00080005\"") && json.endsWith("}]") && !json.contains("null,"), json);
        assertTrue(Files.isDirectory(home) || !Files.exists(home));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("dump"));
        assertEquals(2, run("dump", "--format", "xml", "x.dcm"));
        assertEquals(2, run("no-such-command"));
        assertTrue(err.toString().contains("Usage:"), err.toString());
    }

    @Test
    void helpAndVersionExitWithZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("dump"), out.toString());
        assertEquals(0, run("--version"));
        assertTrue(out.toString().contains("pdistation"), out.toString());
    }
}
