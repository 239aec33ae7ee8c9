package org.pdistation.imaging.media.verify;

import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.media.RecordType;

/**
 * PDI-REQUIREMENTS C 21-22: a leaf record against the file it references: the (0004,1510-1512) UIDs against the
 * file's meta and data set (PS3.3 F.5), and the PATIENT/STUDY/SERIES keys above it against the file's attributes
 * (what dcentvfy compares). Patient values are compared but never printed.
 */
final class LeafChecks {
    private LeafChecks() {}

    static void compare(Findings f, String rel, DirTree.Node n, MediumFile mf) {
        FileHeader h = mf.header();
        uid(f, rel, n, mf, Tag.ReferencedSOPClassUIDInFile, "SOP Class UID", h.metaSopClass(), h.sopClass());
        uid(f, rel, n, mf, Tag.ReferencedSOPInstanceUIDInFile, "SOP Instance UID", h.metaSopInstance(),
                h.sopInstance());
        uid(f, rel, n, mf, Tag.ReferencedTransferSyntaxUIDInFile, "Transfer Syntax UID", h.metaTransferSyntax(), null);
        DirTree.Node patient = n.ancestor(RecordType.PATIENT);
        DirTree.Node study = n.ancestor(RecordType.STUDY);
        DirTree.Node series = n.ancestor(RecordType.SERIES);
        // PS3.3 F.5.1 makes Patient ID Type 1 in the record, and PDI-REQUIREMENTS 18 tells a writer to generate one
        // when the instance has none: a record value where the file's is empty is supplied, not contradictory.
        if (patient != null && !Values.same(patient.item.getString(Tag.PatientID), h.patientId())
                && !(h.patientId() == null || h.patientId().isBlank())) {
            f.error(22, rel, patient.offset, Tag.PatientID, "PATIENT record's Patient ID differs from that of "
                    + mf.rel() + " (values not shown)");
        }
        if (study != null) {
            agree(f, rel, study, mf, Tag.StudyInstanceUID, "Study Instance UID", h.studyUid(), true);
            agree(f, rel, study, mf, Tag.StudyDate, "Study Date", h.studyDate(), false);
        }
        if (series != null) {
            agree(f, rel, series, mf, Tag.SeriesInstanceUID, "Series Instance UID", h.seriesUid(), true);
            agree(f, rel, series, mf, Tag.Modality, "Modality", h.modality(), false);
        }
    }

    private static void agree(Findings f, String rel, DirTree.Node r, MediumFile mf, int tag, String what,
                              String inFile, boolean error) {
        if (!r.item.contains(tag) || Values.same(r.item.getString(tag), inFile)) {
            return;
        }
        String msg = r.rawType() + " record's " + what + " " + Values.show(r.item.getString(tag)) + " differs from "
                + mf.rel() + "'s " + Values.show(inFile);
        if (error) {
            f.error(22, rel, r.offset, tag, msg);
        } else {
            f.warning(22, rel, r.offset, tag, msg);
        }
    }

    private static void uid(Findings f, String rel, DirTree.Node n, MediumFile mf, int tag, String what,
                            String meta, String dataset) {
        String inRecord = n.item.getString(tag);
        if (inRecord == null) {
            f.error(21, rel, n.offset, tag, n.rawType() + " record references " + mf.rel() + " but lacks "
                    + "Referenced " + what + " in File (Type 1C)");
            return;
        }
        String expected = meta != null ? meta : dataset;
        if (!Values.same(inRecord, expected)) {
            f.error(21, rel, n.offset, tag, "Referenced " + what + " in File is " + Values.show(inRecord) + ", but "
                    + mf.rel() + " has " + Values.show(expected));
        } else if (dataset != null && meta != null && !Values.same(meta, dataset)) {
            f.warning(21, mf.rel(), -1, null, "file meta " + what + " " + Values.show(meta)
                    + " differs from the data set's " + Values.show(dataset));
        }
    }
}
