package org.pdistation.imaging.archive.index;

import java.time.Instant;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;

/** What the index keeps about one stored instance, from its data set and from how it arrived. */
public record InstanceRecord(Patient patient, Study study, Series series, Instance instance) {

    public record Patient(String patientId, String issuer, String name, String birthDate, String sex) {
    }

    public record Study(String studyUid, String date, String time, String accession, String studyId,
                        String description, String referring) {
    }

    public record Series(String seriesUid, String modality, Integer number, String description) {
    }

    /**
     * @param path          relative to the archive root
     * @param datasetOffset where the data set starts in the file
     * @param checksum      hex SHA-256 of the data set bytes
     * @param source        calling AE title or medium description
     */
    public record Instance(String sopUid, String sopClass, Integer number, String transferSyntax, String path,
                           long size, long datasetOffset, String checksum, Instant receivedAt, String source) {
    }

    /**
     * Reads the index attributes from a data set (decoded with its Specific Character Set); the study, series and
     * instance UIDs must be present (IllegalArgumentException naming the missing one otherwise).
     */
    public static InstanceRecord of(Dataset ds, String sopClass, String transferSyntax, String path, long size,
                                    long datasetOffset, String checksum, Instant receivedAt, String source) {
        String study = require(ds, Tag.StudyInstanceUID, "Study Instance UID (0020,000D)");
        String series = require(ds, Tag.SeriesInstanceUID, "Series Instance UID (0020,000E)");
        String sop = require(ds, Tag.SOPInstanceUID, "SOP Instance UID (0008,0018)");
        return new InstanceRecord(
                new Patient(nz(ds.getString(Tag.PatientID)), nz(ds.getString(Tag.IssuerOfPatientID)),
                        ds.getText(Tag.PatientName), ds.getString(Tag.PatientBirthDate), ds.getString(Tag.PatientSex)),
                new Study(study, ds.getString(Tag.StudyDate), ds.getString(Tag.StudyTime),
                        ds.getString(Tag.AccessionNumber), ds.getString(Tag.StudyID),
                        ds.getString(Tag.StudyDescription), ds.getText(Tag.ReferringPhysicianName)),
                new Series(series, ds.getString(Tag.Modality), integer(ds, Tag.SeriesNumber),
                        ds.getString(Tag.SeriesDescription)),
                new Instance(sop, sopClass, integer(ds, Tag.InstanceNumber), transferSyntax, path, size,
                        datasetOffset, checksum, receivedAt, source));
    }

    private static String require(Dataset ds, int tag, String what) {
        String v = ds.getString(tag);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("data set has no " + what);
        }
        return v.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    private static Integer integer(Dataset ds, int tag) {
        String s = ds.getString(tag);
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
