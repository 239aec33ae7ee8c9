package org.pdistation.imaging.media;

import java.nio.file.Path;

/** The identifying attributes of one DICOM file found by {@link FileSetScanner}. */
public record ScannedInstance(Path file, String patientId, String patientName, String studyUid, String studyDate,
                              String seriesUid, String modality, String sopClassUid, String sopInstanceUid) {}
