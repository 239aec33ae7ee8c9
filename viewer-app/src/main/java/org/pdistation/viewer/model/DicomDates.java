package org.pdistation.viewer.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/** DA values (PS3.5 6.2: YYYYMMDD) shown in the locale's medium date style; anything else as written. */
public final class DicomDates {
    private DicomDates() {}

    public static String display(String da, Locale locale) {
        if (da == null) return "";
        String s = da.strip();
        if (s.length() != 8) return s;
        try {
            LocalDate d = LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
            return d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
        } catch (DateTimeParseException e) {
            return s;
        }
    }
}
