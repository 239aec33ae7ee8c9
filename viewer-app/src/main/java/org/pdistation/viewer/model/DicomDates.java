package org.pdistation.viewer.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * DA values (PS3.5 6.2: YYYYMMDD) shown as ISO 8601 dates (2001-01-31): unambiguous in every locale, which a
 * localised short style (1/2/01) is not, and narrow enough for the browser's date column.
 */
public final class DicomDates {
    private DicomDates() {}

    public static String display(String da, Locale locale) {
        if (da == null) return "";
        String s = da.strip();
        if (s.length() != 8) return s;
        try {
            LocalDate d = LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
            return d.format(DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return s;
        }
    }
}
