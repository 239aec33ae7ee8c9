package org.pdistation.importer.reconcile;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;

/** Derives the local identity from the medium's own attributes, e.g. "keep the ID, set our issuer". */
@FunctionalInterface
public interface MappingRule {
    LocalIdentity map(Dataset source);

    /** Keeps ID, name, birth date and sex; sets Issuer of Patient ID. */
    static MappingRule keepIdSetIssuer(String issuer) {
        return ds -> new LocalIdentity(ds.getString(Tag.PatientID, ""), issuer, ds.getString(Tag.PatientName, ""),
                ds.getString(Tag.PatientBirthDate, ""), ds.getString(Tag.PatientSex, ""), null, null);
    }
}
