package org.pdistation.creator.plan;

import java.nio.file.Path;

import org.pdistation.imaging.data.Dataset;

/**
 * One input instance as its header describes it (read without pixel data). Strings are decoded with the file's
 * Specific Character Set; empty strings where the attribute is absent.
 *
 * @param file            the source file
 * @param transferSyntax  the syntax the dataset is actually encoded in
 * @param hasPreamble     a Part 10 file (preamble, "DICM", meta) whose dataset bytes can be copied as they are
 * @param pixelFrames     frames of top-level pixel data, 0 when the instance has none
 * @param nativePixelBytes bytes the pixel data takes uncompressed (all frames), 0 without pixel data
 * @param sourceAeTitle   (0002,0016) of the source file meta, or empty
 * @param part10          where the source's dataset bytes start (its meta walked), or null when the meta is not
 *                        well-formed; lets staging copy the dataset without opening the source twice
 * @param header          the dataset as read up to pixel data, kept so that the DICOMDIR records are built from it
 *                        instead of reading every staged file again; shared, never modified; null in plans made
 *                        without reading files (tests)
 */
public record InputInstance(Path file, long fileSize, String transferSyntax, boolean hasPreamble,
                            String patientId, String patientName, String patientBirthDate,
                            String studyUid, String studyDate, String studyDescription,
                            String seriesUid, int seriesNumber, String modality,
                            String sopClassUid, String sopInstanceUid, int instanceNumber,
                            int pixelFrames, long nativePixelBytes, String sourceAeTitle,
                            Part10Header part10, Dataset header) {
    public boolean hasPixelData() {
        return pixelFrames > 0;
    }
}
