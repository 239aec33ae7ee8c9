package org.pdistation.importer.reconcile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.FindScu;
import org.pdistation.imaging.net.QueryModel;

import static org.pdistation.importer.reconcile.QueryKeys.nz;

/**
 * Candidate local identities from a Modality Worklist C-FIND (PS3.4 K.6): the scheduled procedure steps whose patient
 * matches by ID, name (wildcards allowed), accession number and/or scheduled date. Each answer carries its Accession
 * Number, so that "coerce Accession Number" takes the worklist's. Answers are decoded with their own Specific
 * Character Set (the data set does this on access), so a Japanese name in ISO 2022 IR 87 reads right.
 */
public final class WorklistLookup implements IdentitySource {
    private final FindScu find;

    public WorklistLookup(FindScu find) {
        this.find = find;
    }

    @Override
    public List<IdentityCandidate> find(IdentityQuery q) throws IOException {
        FindScu.Result r = find.find(QueryModel.WORKLIST, keys(q));
        QueryKeys.requireSuccess(r, "Modality Worklist query");
        List<IdentityCandidate> out = new ArrayList<>();
        for (Dataset m : r.matches()) {
            String id = m.getString(Tag.PatientID);
            if (id == null || id.isBlank()) {
                continue; // an item without a Patient ID cannot be a local identity
            }
            LocalIdentity identity = new LocalIdentity(id, blankToNull(m.getString(Tag.IssuerOfPatientID)),
                    nz(m.getString(Tag.PatientName)), nz(m.getString(Tag.PatientBirthDate)),
                    nz(m.getString(Tag.PatientSex)), nz(m.getString(Tag.AccessionNumber)), null);
            Sequence steps = m.getSequence(Tag.ScheduledProcedureStepSequence);
            Dataset step = steps == null || steps.isEmpty() ? new Dataset() : steps.get(0);
            out.add(new IdentityCandidate("worklist", identity, m.getString(Tag.RequestedProcedureID),
                    m.getString(Tag.RequestedProcedureDescription), step.getString(Tag.Modality),
                    step.getString(Tag.ScheduledStationAETitle), nz(step.getString(Tag.ScheduledProcedureStepStartDate))
                    + " " + nz(step.getString(Tag.ScheduledProcedureStepStartTime))));
        }
        return out;
    }

    /** The identifier: matching keys where the query has values, the other return keys of Table K.6-1 empty. */
    static Dataset keys(IdentityQuery q) {
        Dataset keys = new Dataset();
        QueryKeys.characterSet(keys, q.patientName(), q.patientId(), q.accessionNumber());
        keys.setString(Tag.AccessionNumber, VR.SH, nz(q.accessionNumber()));
        keys.setString(Tag.PatientName, VR.PN, nz(q.patientName()));
        keys.setString(Tag.PatientID, VR.LO, nz(q.patientId()));
        keys.setString(Tag.IssuerOfPatientID, VR.LO, nz(q.issuer()));
        keys.setString(Tag.PatientBirthDate, VR.DA, "");
        keys.setString(Tag.PatientSex, VR.CS, "");
        keys.setString(Tag.RequestedProcedureDescription, VR.LO, "");
        keys.setString(Tag.RequestedProcedureID, VR.SH, "");
        // K.6.1.2.2: the Scheduled Procedure Step attributes are keys inside one item of their sequence.
        Dataset step = keys.newSequence(Tag.ScheduledProcedureStepSequence, 1).addItem();
        step.setString(Tag.ScheduledStationAETitle, VR.AE, "");
        step.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, nz(q.dateRange()));
        step.setString(Tag.ScheduledProcedureStepStartTime, VR.TM, "");
        step.setString(Tag.Modality, VR.CS, "");
        step.setString(Tag.ScheduledProcedureStepDescription, VR.LO, "");
        step.setString(Tag.ScheduledProcedureStepID, VR.SH, "");
        return keys;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
