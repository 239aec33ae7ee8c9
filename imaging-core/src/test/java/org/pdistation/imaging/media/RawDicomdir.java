package org.pdistation.imaging.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;

/** Writes DICOMDIRs with whatever offsets a test wants, hostile ones included. */
final class RawDicomdir {
    private RawDicomdir() {}

    /** Sets the offset elements to placeholders on each record and returns the item positions of the records. */
    static long[] layout(Dataset top, Dataset meta, List<Dataset> records) {
        for (Dataset r : records) {
            if (!r.contains(Tag.OffsetOfTheNextDirectoryRecord)) {
                r.setLong(Tag.OffsetOfTheNextDirectoryRecord, VR.UL, 0);
            }
            if (!r.contains(Tag.OffsetOfReferencedLowerLevelDirectoryEntity)) {
                r.setLong(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, VR.UL, 0);
            }
        }
        long pos = DicomWriter.headerLength(meta)
                + DicomWriter.encodedLength(top, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFINED_LENGTHS);
        long[] at = new long[records.size()];
        for (int i = 0; i < records.size(); i++) {
            at[i] = pos;
            pos += 8 + DicomWriter.encodedLength(records.get(i), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    WriteOptions.DEFINED_LENGTHS);
        }
        return at;
    }

    interface Linker {
        /** Sets offsets (UL) on the records and returns the root's first offset. */
        long link(long[] at, List<Dataset> records);
    }

    static Path write(Path file, List<Dataset> records, Linker linker) throws IOException {
        Dataset top = new Dataset();
        top.set(Tag.FileSetID, VR.CS, null);
        top.setLong(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        top.setLong(Tag.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        top.setInt(Tag.FileSetConsistencyFlag, VR.US, 0);
        top.newSequence(Tag.DirectoryRecordSequence, 0);
        Dataset meta = new Dataset();
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, UID.MediaStorageDirectoryStorage);
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, "2.25.1");
        meta = DicomWriter.fileMeta(meta, top, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        long[] at = layout(top, meta, records);
        long first = linker.link(at, records);
        top.setLong(Tag.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL, first);
        Sequence seq = top.newSequence(Tag.DirectoryRecordSequence, records.size());
        for (Dataset r : records) {
            seq.add(r);
        }
        DicomWriter.write(file, meta, top, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFINED_LENGTHS);
        return file;
    }

    static Dataset record(String type, String key) {
        Dataset r = new Dataset();
        r.setInt(Tag.RecordInUseFlag, VR.US, 0xFFFF);
        r.setString(Tag.DirectoryRecordType, VR.CS, type);
        switch (type) {
            case "PATIENT" -> r.setString(Tag.PatientID, VR.LO, key);
            case "STUDY" -> r.setString(Tag.StudyInstanceUID, VR.UI, key);
            case "SERIES" -> r.setString(Tag.SeriesInstanceUID, VR.UI, key);
            default -> r.setString(Tag.ReferencedSOPInstanceUIDInFile, VR.UI, key);
        }
        return r;
    }

    static void setNext(Dataset r, long off) {
        r.setLong(Tag.OffsetOfTheNextDirectoryRecord, VR.UL, off);
    }

    static void setLower(Dataset r, long off) {
        r.setLong(Tag.OffsetOfReferencedLowerLevelDirectoryEntity, VR.UL, off);
    }
}
