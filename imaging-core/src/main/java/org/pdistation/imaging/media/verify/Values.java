package org.pdistation.imaging.media.verify;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;

/** Small helpers on attribute values that several checks need. */
final class Values {
    private Values() {}

    /** PS3.5 7.4: a Type 1 attribute has a value; a zero-length one, or only padding, has none. */
    static boolean hasValue(Dataset d, int tag) {
        int i = d.indexOf(tag);
        if (i < 0 || d.valueAt(i) == null) {
            return false;
        }
        Object v = d.valueAt(i);
        if (v instanceof Sequence s) {
            return !s.isEmpty();
        }
        if (v instanceof byte[] b && b.length == 0) {
            return false;
        }
        try {
            for (String s : d.getStrings(tag)) {
                if (s != null && !s.isBlank()) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return true; // a value the decoder cannot turn into text is still a value
        }
    }

    static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** Equal after PS3.5 6.2 padding removal; null and empty are equal. */
    static boolean same(String a, String b) {
        String x = a == null ? "" : a.strip();
        String y = b == null ? "" : b.strip();
        return x.equals(y);
    }

    /** A value for a message: quoted, or "absent". Never use for patient names or IDs. */
    static String show(String s) {
        return s == null ? "absent" : "'" + s.strip() + "'";
    }
}
