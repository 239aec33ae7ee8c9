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

import static org.pdistation.importer.reconcile.QueryKeys.nz;

/**
 * Candidate local identities from a patient-level C-FIND against the PACS (PS3.4 C.6.1), by Patient ID (and issuer)
 * or by Patient's Name with wildcards. The patient level has no accession numbers or dates: such a query is refused.
 */
public final class PatientLookup implements IdentitySource {
    private final FindScu find;

    public PatientLookup(FindScu find) {
        this.find = find;
    }

    /** Patients matching {@code patientId} (and issuer when given), as local identities. */
    public List<LocalIdentity> byId(String patientId, String issuer) throws IOException {
        return find(IdentityQuery.byId(patientId, issuer)).stream().map(IdentityCandidate::identity).toList();
    }

    @Override
    public List<IdentityCandidate> find(IdentityQuery q) throws IOException {
        if (q.accessionNumber() != null || q.dateRange() != null) {
            throw new IllegalArgumentException("the PACS's patient level is searched by ID or name only; an accession"
                    + " number or dates need the worklist");
        }
        Dataset keys = new Dataset();
        QueryKeys.characterSet(keys, q.patientName(), q.patientId());
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, QueryLevel.PATIENT.name());
        keys.setString(Tag.PatientName, VR.PN, nz(q.patientName()));
        keys.setString(Tag.PatientID, VR.LO, nz(q.patientId()));
        keys.setString(Tag.IssuerOfPatientID, VR.LO, nz(q.issuer()));
        keys.setString(Tag.PatientBirthDate, VR.DA, "");
        keys.setString(Tag.PatientSex, VR.CS, "");
        FindScu.Result r = find.find(QueryModel.PATIENT_ROOT, keys);
        QueryKeys.requireSuccess(r, "patient query");
        List<IdentityCandidate> out = new ArrayList<>();
        for (Dataset m : r.matches()) {
            String id = m.getString(Tag.PatientID);
            if (id != null && !id.isBlank()) {
                String issuer = m.getString(Tag.IssuerOfPatientID, q.issuer());
                out.add(IdentityCandidate.patient(new LocalIdentity(id, issuer == null || issuer.isEmpty() ? null
                        : issuer, nz(m.getString(Tag.PatientName)), nz(m.getString(Tag.PatientBirthDate)),
                        nz(m.getString(Tag.PatientSex)), null, null)));
            }
        }
        return out;
    }
}
