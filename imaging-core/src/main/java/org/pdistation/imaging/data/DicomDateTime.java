package org.pdistation.imaging.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * Parsing of DA, TM and DT values (PS3.5 6.2). Tolerates the ACR-NEMA forms "YYYY.MM.DD" and "HH:MM:SS" that old
 * files still carry; returns null for values it cannot make sense of rather than throwing.
 */
public final class DicomDateTime {
    private DicomDateTime() {}

    /** DA: YYYYMMDD (or the retired YYYY.MM.DD). */
    public static LocalDate parseDate(String s) {
        if (s == null) {
            return null;
        }
        String d = s.strip().replace(".", "");
        if (d.length() != 8 || !digits(d, 0, 8)) {
            return null;
        }
        try {
            return LocalDate.of(num(d, 0, 4), num(d, 4, 6), num(d, 6, 8));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** TM: HH[MM[SS[.F{1,6}]]] (or the retired HH:MM:SS). 60 seconds (leap second) is clamped to 59.999999. */
    public static LocalTime parseTime(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().replace(":", "");
        int dot = t.indexOf('.');
        String main = dot < 0 ? t : t.substring(0, dot);
        if (main.length() < 2 || main.length() > 6 || (main.length() & 1) != 0 || !digits(main, 0, main.length())) {
            return null;
        }
        int h = num(main, 0, 2);
        int m = main.length() >= 4 ? num(main, 2, 4) : 0;
        int sec = main.length() >= 6 ? num(main, 4, 6) : 0;
        int nanos = dot < 0 ? 0 : fraction(t.substring(dot + 1));
        if (nanos < 0 || h > 23 || m > 59 || sec > 60) {
            return null;
        }
        if (sec == 60) {
            sec = 59;
            nanos = 999_999_000;
        }
        return LocalTime.of(h, m, sec, nanos);
    }

    /**
     * DT: YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]. Returns an {@link OffsetDateTime} when an offset is given,
     * else a {@link LocalDateTime}; null when unparsable.
     */
    public static Temporal parseDateTime(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        ZoneOffset offset = null;
        int sign = Math.max(v.indexOf('+'), v.indexOf('-'));
        if (sign > 0) {
            String z = v.substring(sign);
            v = v.substring(0, sign);
            if (z.length() != 5 || !digits(z, 1, 5)) {
                return null;
            }
            try {
                int hh = num(z, 1, 3);
                int mm = num(z, 3, 5);
                offset = ZoneOffset.ofHoursMinutes(z.charAt(0) == '-' ? -hh : hh, z.charAt(0) == '-' ? -mm : mm);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        int dot = v.indexOf('.');
        String main = dot < 0 ? v : v.substring(0, dot);
        int len = main.length();
        if (len < 4 || len > 14 || (len & 1) != 0 || !digits(main, 0, len)) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.of(num(main, 0, 4),
                    len >= 6 ? num(main, 4, 6) : 1,
                    len >= 8 ? num(main, 6, 8) : 1,
                    len >= 10 ? num(main, 8, 10) : 0,
                    len >= 12 ? num(main, 10, 12) : 0,
                    len >= 14 ? Math.min(59, num(main, 12, 14)) : 0,
                    dot < 0 ? 0 : Math.max(0, fraction(v.substring(dot + 1))));
            return offset == null ? t : t.atOffset(offset);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int fraction(String f) {
        if (f.isEmpty() || f.length() > 6 || !digits(f, 0, f.length())) {
            return f.isEmpty() ? 0 : -1;
        }
        int v = Integer.parseInt(f);
        for (int i = f.length(); i < 9; i++) {
            v *= 10;
        }
        return v;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
