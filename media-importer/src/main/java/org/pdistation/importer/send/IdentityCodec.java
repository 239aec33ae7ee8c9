package org.pdistation.importer.send;

import java.util.Arrays;

import org.pdistation.importer.reconcile.LocalIdentity;

/** The local identity as one journal column (unit separator between fields), so that a resumed job coerces alike. */
final class IdentityCodec {
    private static final String SEP = "\u001F";

    private IdentityCodec() {}

    static String encode(LocalIdentity id) {
        if (id == null) {
            return null;
        }
        return String.join(SEP, n(id.patientId()), n(id.issuer()), n(id.name()), n(id.birthDate()), n(id.sex()),
                id.accessionNumber() == null ? "\u0000" : id.accessionNumber(),
                id.studyDescriptionPrefix() == null ? "\u0000" : id.studyDescriptionPrefix());
    }

    static LocalIdentity decode(String s) {
        if (s == null) {
            return null;
        }
        String[] f = Arrays.copyOf(s.split(SEP, -1), 7);
        return new LocalIdentity(f[0], f[1], f[2], f[3], f[4], "\u0000".equals(f[5]) ? null : f[5],
                "\u0000".equals(f[6]) ? null : f[6]);
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }
}
