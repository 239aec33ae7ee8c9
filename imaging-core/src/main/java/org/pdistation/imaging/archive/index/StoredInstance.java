package org.pdistation.imaging.archive.index;

/** An indexed instance as the retrieve services and the check need it (path relative to the archive root). */
public record StoredInstance(String studyUid, String sopUid, String sopClass, String transferSyntax, String path,
                             long size, long datasetOffset, String checksum) {
}
