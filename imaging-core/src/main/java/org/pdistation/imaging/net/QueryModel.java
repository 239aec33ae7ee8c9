package org.pdistation.imaging.net;

import org.pdistation.imaging.data.UID;

/**
 * The information models of the Query/Retrieve (PS3.4 C.6) and Modality Worklist (PS3.4 K.6) services, with the SOP
 * classes of their FIND, MOVE and GET operations (null where the model has none).
 */
public enum QueryModel {
    PATIENT_ROOT(UID.PatientRootQueryRetrieveInformationModelFind, UID.PatientRootQueryRetrieveInformationModelMove,
            UID.PatientRootQueryRetrieveInformationModelGet),
    STUDY_ROOT(UID.StudyRootQueryRetrieveInformationModelFind, UID.StudyRootQueryRetrieveInformationModelMove,
            UID.StudyRootQueryRetrieveInformationModelGet),
    WORKLIST(UID.ModalityWorklistInformationModelFind, null, null);

    private final String find;
    private final String move;
    private final String get;

    QueryModel(String find, String move, String get) {
        this.find = find;
        this.move = move;
        this.get = get;
    }

    public String findSopClass() {
        return find;
    }

    public String moveSopClass() {
        if (move == null) {
            throw new IllegalArgumentException(this + " has no C-MOVE SOP class");
        }
        return move;
    }

    public String getSopClass() {
        if (get == null) {
            throw new IllegalArgumentException(this + " has no C-GET SOP class");
        }
        return get;
    }

    /** "study", "patient" or "worklist" (as on the command line). */
    public static QueryModel parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "study", "study_root", "studyroot" -> STUDY_ROOT;
            case "patient", "patient_root", "patientroot" -> PATIENT_ROOT;
            case "worklist", "mwl" -> WORKLIST;
            default -> throw new IllegalArgumentException("unknown model '" + name
                    + "', expected study, patient or worklist");
        };
    }
}
