package org.pdistation.imaging.data;

/**
 * A PN value (PS3.5 6.2.1): up to three component groups separated by '=' (alphabetic, ideographic, phonetic), each
 * with five components separated by '^' (family, given, middle, prefix, suffix).
 */
public record PersonName(Group alphabetic, Group ideographic, Group phonetic) {

    /** One component group; absent components are empty strings, never null. */
    public record Group(String family, String given, String middle, String prefix, String suffix) {
        public static final Group EMPTY = new Group("", "", "", "", "");

        public static Group parse(String s) {
            String[] c = new String[5];
            int start = 0;
            int n = 0;
            while (n < 4) {
                int caret = s.indexOf('^', start);
                if (caret < 0) {
                    break;
                }
                c[n++] = s.substring(start, caret).strip();
                start = caret + 1;
            }
            c[n++] = s.substring(start).strip();
            while (n < 5) {
                c[n++] = "";
            }
            return new Group(c[0], c[1], c[2], c[3], c[4]);
        }

        public boolean isEmpty() {
            return family.isEmpty() && given.isEmpty() && middle.isEmpty() && prefix.isEmpty() && suffix.isEmpty();
        }

        /** The DICOM form, with trailing empty components dropped (PS3.5 6.2.1.1). */
        @Override
        public String toString() {
            String[] c = {family, given, middle, prefix, suffix};
            int last = 4;
            while (last > 0 && c[last].isEmpty()) {
                last--;
            }
            return String.join("^", java.util.Arrays.copyOf(c, last + 1));
        }
    }

    public static PersonName parse(String value) {
        if (value == null) {
            return null;
        }
        String[] groups = value.split("=", 3);
        return new PersonName(
                Group.parse(groups[0]),
                groups.length > 1 ? Group.parse(groups[1]) : Group.EMPTY,
                groups.length > 2 ? Group.parse(groups[2]) : Group.EMPTY);
    }

    /** The DICOM form, with trailing empty groups dropped. */
    @Override
    public String toString() {
        String a = alphabetic.toString();
        String i = ideographic.toString();
        String p = phonetic.toString();
        if (!p.isEmpty()) {
            return a + "=" + i + "=" + p;
        }
        if (!i.isEmpty()) {
            return a + "=" + i;
        }
        return a;
    }
}
