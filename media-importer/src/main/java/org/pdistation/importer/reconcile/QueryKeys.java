package org.pdistation.importer.reconcile;

import java.io.IOException;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.FindScu;
import org.pdistation.imaging.net.dimse.Status;

/** What the two lookups share: the identifier's character set and the final status of a C-FIND. */
final class QueryKeys {
    private QueryKeys() {}

    /**
     * PS3.4 C.4.1.1.3.1 / K.4.1.2.1: the identifier's Specific Character Set governs its keys. A name outside ASCII
     * (a Japanese name typed by the clerk) goes as UTF-8, ISO_IR 192, which takes no code extensions (PS3.5 6.1.2.5);
     * an ASCII query names no set, so that an SCP that knows only the default repertoire still answers.
     */
    static void characterSet(Dataset keys, String... values) {
        for (String v : values) {
            if (v != null && !v.chars().allMatch(c -> c < 0x80)) {
                keys.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
                return;
            }
        }
    }

    /** A failed or refused C-FIND as an IOException with the SCP's status and comment (PS3.4 C.4.1.1.4, K.4.1.1.4). */
    static void requireSuccess(FindScu.Result r, String what) throws IOException {
        Status s = r.status();
        if (!s.isSuccess() && !r.cancelled()) {
            throw new IOException(what + " failed with status " + String.format("%04X", s.code())
                    + (r.errorComment() == null || r.errorComment().isEmpty() ? "" : ": " + r.errorComment()));
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
