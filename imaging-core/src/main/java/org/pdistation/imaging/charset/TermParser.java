package org.pdistation.imaging.charset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the values of Specific Character Set (0008,0005), as found in real files, into normalised Defined Terms.
 *
 * <p>Tolerates (PDI-REQUIREMENTS F.39) padding, case, the misspellings "ISO-IR 100", "ISO_IR100", "ISO IR 100",
 * charset names such as "UTF-8" or "ISO-8859-1", plain terms where ISO 2022 terms are needed and the reverse, and
 * unknown terms; everything tolerated is reported as a warning. Never throws.
 */
final class TermParser {

    /** The outcome: the terms in order ({@code null} for an empty value 1) and what was tolerated. */
    record Result(List<String> terms, List<CharacterSetTerm> sets, List<String> warnings) {
    }

    /** One value after spelling normalisation. */
    private record Value(CharacterSetTerm term, boolean extensionForm) {
    }

    /** A value kept: its term ({@code null} for an empty value 1) and where it was in the attribute. */
    private record Picked(CharacterSetTerm set, int index) {
    }

    /** ISO 8859 part number to ISO-IR registration, for values naming the charset instead of the term. */
    private static final int[][] ISO_8859_PARTS = {
        {1, 100}, {2, 101}, {3, 109}, {4, 110}, {5, 144}, {6, 127}, {7, 126}, {8, 138}, {9, 148}, {11, 166},
        {15, 203},
    };

    private final List<String> warnings = new ArrayList<>();

    private TermParser() {
    }

    static Result parse(String... values) {
        return new TermParser().run(values == null ? new String[0] : values);
    }

    private Result run(String[] raw) {
        List<Value> parsed = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            parsed.add(parseValue(raw[i], i + 1));
        }
        List<Picked> picked = compose(parsed, raw);
        boolean extensions = picked.size() > 1 || (picked.size() == 1 && picked.get(0).set() != null
                && parsed.get(picked.get(0).index()).extensionForm() && picked.get(0).set().extensionTerm() != null);
        List<String> terms = new ArrayList<>(picked.size());
        List<CharacterSetTerm> sets = new ArrayList<>(picked.size());
        for (Picked p : picked) {
            CharacterSetTerm set = p.set();
            sets.add(set);
            if (set == null) {
                terms.add("");
                continue;
            }
            // With more than one value every term must be an ISO 2022 term (PS3.3 C.12.1.1.2, PS3.5 6.1.2.5.4 c).
            String term = extensions && set.extensionTerm() != null ? set.extensionTerm()
                    : set.plainTerm() != null ? set.plainTerm() : set.extensionTerm();
            terms.add(term);
            String given = trim(raw[p.index()]);
            if (!given.equals(term)) {
                warnings.add("(0008,0005) value " + (p.index() + 1) + " '" + given + "' read as '" + term + "'");
            }
        }
        // An empty or ISO-IR 6 value 1 alone is the default repertoire (PS3.5 6.1.2.5.4 a).
        if (terms.size() == 1 && (sets.get(0) == null || sets.get(0) == CharacterSetTerm.IR_6)) {
            terms.clear();
            sets.clear();
        }
        List<CharacterSetTerm> effective = new ArrayList<>(sets.size());
        for (CharacterSetTerm set : sets) {
            effective.add(set == null ? CharacterSetTerm.IR_6 : set);
        }
        return new Result(List.copyOf(terms), List.copyOf(effective), List.copyOf(warnings));
    }

    /** Applies the rules between values; a {@code null} set in the result stands for an empty value 1. */
    private List<Picked> compose(List<Value> parsed, String[] raw) {
        List<Picked> sets = new ArrayList<>();
        if (parsed.isEmpty()) {
            return sets;
        }
        CharacterSetTerm first = usable(parsed.get(0).term(), 1, raw[0]);
        if (first != null && first.isVariableLength()) {
            if (countNonEmpty(raw) > 1) {
                warnings.add("(0008,0005) " + first.plainTerm()
                        + " allows no code extensions (PS3.5 6.1.2.4); other values ignored");
            }
            sets.add(new Picked(first, 0));
            return sets;
        }
        if (first != null && !first.isSingleByte()) {
            warnings.add("(0008,0005) value 1 '" + trim(raw[0])
                    + "' is not a single-byte set; ISO-IR 6 is the initial set (PS3.5 6.1.2.5.4 c)");
        }
        sets.add(new Picked(first, 0));
        for (int i = 1; i < parsed.size(); i++) {
            String given = trim(raw[i]);
            if (given.isEmpty()) {
                warnings.add("(0008,0005) empty value " + (i + 1) + " ignored");
                continue;
            }
            CharacterSetTerm set = usable(parsed.get(i).term(), i + 1, raw[i]);
            if (set == null) {
                continue;
            }
            if (set.isVariableLength()) {
                if ((first == null || first == CharacterSetTerm.IR_6) && countNonEmpty(raw) == 1) {
                    // "\ISO_IR 192": the writer evidently meant UTF-8 alone.
                    warnings.add("(0008,0005) " + set.plainTerm() + " given as value " + (i + 1)
                            + "; it allows no code extensions, read as the only value");
                    sets.clear();
                    sets.add(new Picked(set, i));
                    return sets;
                }
                warnings.add("(0008,0005) value " + (i + 1) + " " + set.plainTerm()
                        + " cannot be combined with other sets (PS3.5 6.1.2.4 note 3); ignored");
                continue;
            }
            if (sets.stream().anyMatch(p -> p.set() == set)) {
                warnings.add("(0008,0005) value " + (i + 1) + " '" + given + "' repeats an earlier value; ignored");
                continue;
            }
            sets.add(new Picked(set, i));
        }
        return sets;
    }

    /** The term if known and available in this runtime, else {@code null} with a warning. */
    private CharacterSetTerm usable(CharacterSetTerm term, int position, String raw) {
        String given = trim(raw);
        if (given.isEmpty()) {
            return null;
        }
        String fallback = position == 1 ? "; ISO-IR 6 assumed, other bytes read as ISO-IR 100" : "; ignored";
        if (term == null) {
            warnings.add("(0008,0005) value " + position + " '" + given + "' is not a Defined Term" + fallback);
            return null;
        }
        if (!term.isAvailable()) {
            warnings.add("(0008,0005) value " + position + " '" + given
                    + "' needs a charset this Java runtime lacks" + fallback);
            return null;
        }
        return term;
    }

    private static int countNonEmpty(String[] raw) {
        int n = 0;
        for (String value : raw) {
            if (!trim(value).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** Normalises the spelling of one value; a {@code null} term means empty or unknown. */
    private static Value parseValue(String raw, int position) {
        String key = key(trim(raw));
        if (key.isEmpty()) {
            return new Value(null, false);
        }
        switch (key) {
            case "GB18030":
                return new Value(CharacterSetTerm.GB18030, false);
            case "GBK":
                return new Value(CharacterSetTerm.GBK, false);
            case "UTF8":
                return new Value(CharacterSetTerm.IR_192, false);
            case "LATIN1":
                return new Value(CharacterSetTerm.IR_100, false);
            default:
                break;
        }
        if (key.startsWith("ISO2022IR")) {
            return new Value(CharacterSetTerm.forRegistration(number(key, 9)), true);
        }
        if (key.startsWith("ISOIR")) {
            return new Value(CharacterSetTerm.forRegistration(number(key, 5)), false);
        }
        if (key.startsWith("IR")) {
            return new Value(CharacterSetTerm.forRegistration(number(key, 2)), false);
        }
        if (key.startsWith("ISO8859")) {
            int part = number(key, 7);
            for (int[] pair : ISO_8859_PARTS) {
                if (pair[0] == part) {
                    return new Value(CharacterSetTerm.forRegistration(pair[1]), false);
                }
            }
        }
        return new Value(null, false);
    }

    /** Upper case letters and digits only: "iso-ir 100", "ISO_IR100" and "ISO IR 100" all give "ISOIR100". */
    private static String key(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                sb.append(c);
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** The decimal number that is all of {@code key} from {@code from}, or -1. */
    private static int number(String key, int from) {
        if (from >= key.length() || key.length() - from > 6) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Strips the SPACE padding of CS values (PS3.5 6.2) and stray NULs; {@code null} reads as empty. */
    static String trim(String value) {
        if (value == null) {
            return "";
        }
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) <= ' ')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) <= ' ')) {
            end--;
        }
        return value.substring(start, end);
    }
}
