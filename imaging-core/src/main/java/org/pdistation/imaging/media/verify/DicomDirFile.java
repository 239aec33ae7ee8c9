package org.pdistation.imaging.media.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Sequence;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.ReadOptions;

/**
 * The DICOMDIR as read for verification: its raw bytes (up to a bound), the parsed file, and the Directory Record
 * Sequence items with the file offset of each item's (FFFE,E000) tag (PS3.3 F.3.2.1 offsets count from the first
 * byte of the file, preamble included).
 *
 * @param rel        path relative to the root, as written on the medium
 * @param bytes      the first {@code min(size, bound)} bytes
 * @param size       the file size
 * @param file       the parsed file
 * @param records    the Directory Record Sequence, or null when absent
 */
record DicomDirFile(String rel, byte[] bytes, long size, DicomFile file, Sequence records) {
    boolean truncated() {
        return bytes.length < size;
    }

    Dataset top() {
        return file.dataset();
    }

    Dataset meta() {
        return file.fileMeta();
    }

    static DicomDirFile read(Path p, String rel, long maxBytes) throws IOException {
        long size = Files.size(p);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p)) {
            bytes = in.readNBytes((int) Math.min(size, maxBytes));
        }
        // A stream read puts every value in memory; the bound above is what keeps that small.
        DicomFile df = DicomReader.read(new ByteArrayInputStream(bytes), ReadOptions.IN_MEMORY);
        return new DicomDirFile(rel, bytes, size, df, df.dataset().getSequence(Tag.DirectoryRecordSequence));
    }
}
