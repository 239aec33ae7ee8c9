package org.pdistation.viewer.model;

/**
 * One problem met while reading a medium.
 *
 * @param sentence    what the browser shows, with the file and the reader's technical text
 * @param missingFile for a DICOMDIR record whose referenced file is not on the medium, its File ID with '/'
 *                    separators as the record gives it (e.g. "DICOM/ST1/IM5"); else null. The medium check reports
 *                    the same file as rule 20 with this ID, so that the browser can list it once.
 */
public record ReadingProblem(String sentence, String missingFile) {
    public static ReadingProblem of(String sentence) {
        return new ReadingProblem(sentence, null);
    }
}
