package org.pdistation.viewer.model;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;

/**
 * What one instance's header says about its series, study and patient: the keys the browser shows that a DICOMDIR
 * record may lack. PS3.3 F.5 makes only a few keys Type 1 in the directory records (Series Description, Body Part
 * Examined, Study Description, Patient's Sex are optional there), so a disc's DICOMDIR often has "Series 1" and
 * nothing else; the instance files have them (PS3.3 C.7.3.1, C.7.2.1, C.7.1.1). One header per series is read, in
 * the background with the thumbnail; these are series-level and above, so any instance of the series will do.
 *
 * @param seriesNumber      Series Number (0020,0011)
 * @param modality          Modality (0008,0060)
 * @param seriesDescription Series Description (0008,103E)
 * @param bodyPart          Body Part Examined (0018,0015)
 * @param studyDescription  Study Description (0008,1030)
 * @param accession         Accession Number (0008,0050)
 * @param patientSex        Patient's Sex (0010,0040)
 * @param patientBirthDate  Patient's Birth Date (0010,0030), DA as written
 */
public record SeriesDetails(String seriesNumber, String modality, String seriesDescription, String bodyPart,
                            String studyDescription, String accession, String patientSex, String patientBirthDate) {
    public static final SeriesDetails NONE = new SeriesDetails("", "", "", "", "", "", "", "");

    public SeriesDetails {
        seriesNumber = clean(seriesNumber);
        modality = clean(modality);
        seriesDescription = clean(seriesDescription);
        bodyPart = clean(bodyPart);
        studyDescription = clean(studyDescription);
        accession = clean(accession);
        patientSex = clean(patientSex);
        patientBirthDate = clean(patientBirthDate);
    }

    public static SeriesDetails of(Dataset ds) {
        return new SeriesDetails(ds.getString(Tag.SeriesNumber, ""), ds.getString(Tag.Modality, ""),
                ds.getString(Tag.SeriesDescription, ""), ds.getString(Tag.BodyPartExamined, ""),
                ds.getString(Tag.StudyDescription, ""), ds.getString(Tag.AccessionNumber, ""),
                ds.getString(Tag.PatientSex, ""), ds.getString(Tag.PatientBirthDate, ""));
    }

    /** {@code first} when it says something, else {@code fallback}: the medium's record wins over the header. */
    public static String or(String first, String fallback) {
        return first == null || first.isBlank() ? clean(fallback) : first.strip();
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
