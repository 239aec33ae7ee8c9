package org.pdistation.imaging.media.verify;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;

/**
 * The few header values of one instance that the checks compare with the DICOMDIR; kept instead of the dataset so
 * that memory stays small per file on a DVD of 10^4-10^5 files.
 */
record FileHeader(boolean part10, String metaSopClass, String metaSopInstance, String metaTransferSyntax,
                  boolean explicitVr, String sopClass, String sopInstance, String patientId, String patientName,
                  String studyUid, String studyDate, String studyId, String seriesUid, String modality,
                  String seriesNumber, String lossy) {
    static FileHeader of(DicomFile df) {
        Dataset m = df.fileMeta();
        Dataset d = df.dataset();
        return new FileHeader(df.hasPreamble() && !m.isEmpty(), m.getString(Tag.MediaStorageSOPClassUID),
                m.getString(Tag.MediaStorageSOPInstanceUID), m.getString(Tag.TransferSyntaxUID),
                df.transferSyntax() == null || df.transferSyntax().explicitVR(),
                d.getString(Tag.SOPClassUID), d.getString(Tag.SOPInstanceUID), d.getString(Tag.PatientID),
                d.getString(Tag.PatientName), d.getString(Tag.StudyInstanceUID), d.getString(Tag.StudyDate),
                d.getString(Tag.StudyID), d.getString(Tag.SeriesInstanceUID), d.getString(Tag.Modality),
                d.getString(Tag.SeriesNumber), d.getString(Tag.LossyImageCompression));
    }
}
