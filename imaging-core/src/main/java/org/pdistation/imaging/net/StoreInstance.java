package org.pdistation.imaging.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pdistation.imaging.codec.FrameException;
import org.pdistation.imaging.codec.Transcoder;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;

/**
 * What a C-STORE needs to know about a file without loading it: SOP class and instance, transfer syntax, and
 * where the data set (everything after the Part 10 header) lies in the file.
 */
record StoreInstance(Path file, String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                     long dataSetOffset, long dataSetLength) implements StoreSource {

    @Override
    public long length() {
        return dataSetLength;
    }

    @Override
    public InputStream open() throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(dataSetOffset);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return in;
    }

    @Override
    public FileSlice slice() {
        return new FileSlice(file, dataSetOffset, dataSetLength);
    }

    /** The file's data set, pixel data decompressed, encoded in {@code target} in memory. */
    @Override
    public byte[] transcoded(TransferSyntax target) throws IOException, FrameException {
        DicomFile f = DicomReader.read(file, ReadOptions.IN_MEMORY);
        if (f.hasErrors()) {
            throw new IOException("the file is damaged: " + f.problems().get(0));
        }
        Dataset ds = new Transcoder().transcode(f, target);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16,
                dataSetLength * 2));
        DicomWriter.writeDataset(out, ds, target, WriteOptions.DEFAULT);
        return out.toByteArray();
    }

    /** Reads the header only; IOException with the reason when the file cannot be sent as it is. */
    static StoreInstance scan(Path file) throws IOException {
        DicomFile f = DicomReader.read(file, ReadOptions.HEADER_ONLY);
        Dataset meta = f.fileMeta();
        Dataset ds = f.dataset();
        String sopClass = first(meta.getString(Tag.MediaStorageSOPClassUID), ds.getString(Tag.SOPClassUID));
        String sopInstance = first(meta.getString(Tag.MediaStorageSOPInstanceUID), ds.getString(Tag.SOPInstanceUID));
        if (sopClass == null || sopInstance == null) {
            throw new IOException("no SOP Class/Instance UID (not a DICOM composite instance?)");
        }
        long offset;
        if (meta.isEmpty()) {
            offset = f.hasPreamble() ? 132 : 0;
        } else {
            long groupLength = meta.getLong(Tag.FileMetaInformationGroupLength, -1);
            if (groupLength < 0) {
                throw new IOException("file meta without group length (0002,0000): data set offset unknown");
            }
            // PS3.10 7.1: preamble and "DICM", then the 12-byte group length element, then the rest of group 2.
            offset = (f.hasPreamble() ? 132 : 0) + 12 + groupLength;
        }
        long size = Files.size(file);
        if (offset >= size) {
            throw new IOException("no data set after the file meta (offset " + offset + ", size " + size + ")");
        }
        return new StoreInstance(file, sopClass.strip(), sopInstance.strip(), f.transferSyntax().uid(), offset,
                size - offset);
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
