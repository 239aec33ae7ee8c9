package org.pdistation.importer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvFieldTest {
    @Test
    void quotesOnlyFieldsWithCommaQuoteOrLineBreakAndDoublesQuotes() {
        assertEquals("plain", ImportReport.csvField("plain"));
        assertEquals("\"a,b\"", ImportReport.csvField("a,b"));
        assertEquals("\"say \"\"A700\"\"\"", ImportReport.csvField("say \"A700\""));
        assertEquals("\"two\r\nlines\"", ImportReport.csvField("two\r\nlines"));
        assertEquals("", ImportReport.csvField(null));
    }
}
