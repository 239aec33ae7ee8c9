package org.pdistation.imaging.media;

/** One series of a file-set with how many instances it holds. */
public record SeriesSummary(String patientId, String patientName, String studyUid, String studyDate,
                            String seriesUid, String modality, int instances) {}
