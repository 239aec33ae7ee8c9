package org.pdistation.importer.reconcile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.FindScu;
import org.pdistation.imaging.net.QueryLevel;
import org.pdistation.imaging.net.QueryModel;

/** Candidate local identities from a patient-level C-FIND against the PACS (PS3.4 C.6.1). */
public final class PatientLookup {
    private final FindScu find;

    public PatientLookup(FindScu find) {
        this.find = find;
    }

    /** Patients matching {@code patientId} (and issuer when given), as local identities. */
    public List<LocalIdentity> byId(String patientId, String issuer) throws IOException {
        Dataset keys = new Dataset();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, QueryLevel.PATIENT.name());
        keys.setString(Tag.PatientID, VR.LO, patientId);
        keys.setString(Tag.IssuerOfPatientID, VR.LO, issuer == null ? "" : issuer);
        keys.setString(Tag.PatientName, VR.PN, "");
        keys.setString(Tag.PatientBirthDate, VR.DA, "");
        keys.setString(Tag.PatientSex, VR.CS, "");
        FindScu.Result r = find.find(QueryModel.PATIENT_ROOT, keys);
        List<LocalIdentity> out = new ArrayList<>();
        for (Dataset m : r.matches()) {
            String id = m.getString(Tag.PatientID);
            if (id != null) {
                out.add(new LocalIdentity(id, m.getString(Tag.IssuerOfPatientID, issuer), m.getString(Tag.PatientName,
                        ""), m.getString(Tag.PatientBirthDate, ""), m.getString(Tag.PatientSex, ""), null, null));
            }
        }
        return out;
    }
}
