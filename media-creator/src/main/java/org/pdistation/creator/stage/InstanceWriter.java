package org.pdistation.creator.stage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.pdistation.creator.plan.InputInstance;
import org.pdistation.creator.plan.Part10Header;
import org.pdistation.creator.plan.PlannedInstance;
import org.pdistation.creator.plan.TranscodeDecision;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.codec.FrameException;
import org.pdistation.imaging.codec.Transcoder;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomFile;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.Implementation;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.ReadProblem;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;

/**
 * Writes one planned instance as a Part 10 file with a file meta of ours (PS3.10 7.1, Table 7.1-1: version 00\01,
 * Media Storage SOP Class/Instance = the dataset's SOP Class/Instance UID, the transfer syntax written, our
 * Implementation Class UID and Version Name, the source's AE title when known).
 *
 * <p>Fast path: when the encoding is kept and the source is a well-formed Part 10 file, only the meta is new; the
 * dataset bytes are copied with {@link FileChannel#transferTo} without parsing them. Otherwise the file is parsed
 * (bulk data by reference) and transcoded through imaging-core. One instance per thread (the transcoder keeps
 * buffers).
 */
public final class InstanceWriter {
    /** The file could not be written as planned; the instance is left off the medium with this reason. */
    public static final class LeftOffException extends Exception {
        public LeftOffException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Transcoder transcoder;

    public InstanceWriter(CodecRegistry registry) {
        this.transcoder = new Transcoder(registry, false);
    }

    /** How an instance was written. */
    public enum How {
        /** Dataset bytes copied unchanged behind a new meta: the selection's header describes the file. */
        COPIED,
        /** Parsed and written again in the same transfer syntax. */
        REWRITTEN,
        /** Pixel data re-encoded. */
        TRANSCODED
    }

    /** Writes {@code out} (which must not exist). */
    public How write(PlannedInstance planned, Path out) throws IOException, LeftOffException {
        InputInstance in = planned.input();
        TranscodeDecision d = planned.decision();
        if (d.action() == TranscodeDecision.Action.KEEP && in.hasPreamble()) {
            Part10Header h = in.part10() != null ? in.part10() : Part10Header.read(in.file());
            if (h != null && h.transferSyntax().equals(in.transferSyntax())) {
                copyWithNewMeta(in, h, out);
                return How.COPIED;
            }
        }
        return rewrite(planned, out);
    }

    private static Dataset meta(InputInstance in, String transferSyntax) {
        Dataset meta = new Dataset(false, 8);
        meta.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, in.sopClassUid());
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, in.sopInstanceUid());
        meta.setString(Tag.TransferSyntaxUID, VR.UI, transferSyntax);
        meta.setString(Tag.ImplementationClassUID, VR.UI, Implementation.CLASS_UID);
        meta.setString(Tag.ImplementationVersionName, VR.SH, Implementation.VERSION_NAME);
        if (!in.sourceAeTitle().isEmpty()) {
            meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, in.sourceAeTitle());
        }
        return meta;
    }

    private static void copyWithNewMeta(InputInstance in, Part10Header h, Path out) throws IOException {
        Dataset meta = meta(in, in.transferSyntax());
        Privacy.createFile(out);
        try (FileChannel dst = FileChannel.open(out, StandardOpenOption.WRITE);
             FileChannel src = FileChannel.open(in.file(), StandardOpenOption.READ)) {
            OutputStream os = Channels.newOutputStream(dst);
            // An empty dataset: preamble, "DICM" and the meta group only.
            DicomWriter.write(os, meta, new Dataset(false, 0), TransferSyntax.of(in.transferSyntax()),
                    WriteOptions.DEFAULT);
            long pos = h.datasetOffset();
            long end = src.size();
            while (pos < end) {
                long n = src.transferTo(pos, end - pos, dst);
                if (n <= 0) {
                    throw new IOException(in.file() + ": copy stopped at byte " + pos + " of " + end);
                }
                pos += n;
            }
        }
    }

    private How rewrite(PlannedInstance planned, Path out) throws IOException, LeftOffException {
        InputInstance in = planned.input();
        DicomFile df;
        try {
            df = DicomReader.read(in.file(), ReadOptions.BULK_BY_REFERENCE);
        } catch (IOException | RuntimeException e) {
            throw new LeftOffException("not readable: " + e.getMessage(), e);
        }
        if (df.hasErrors()) {
            throw new LeftOffException("damaged: " + df.problems().stream()
                    .filter(p -> p.severity() == ReadProblem.Severity.ERROR).findFirst()
                    .map(Object::toString).orElse(""), null);
        }
        TransferSyntax target = TransferSyntax.of(planned.decision().targetSyntax());
        Dataset ds;
        try {
            ds = transcoder.transcode(df, target);
        } catch (FrameException | IOException | RuntimeException e) {
            throw new LeftOffException("pixel data could not be " + (target.encapsulated() ? "re-encoded" : "decoded")
                    + ": " + e.getMessage(), e);
        }
        // Group 0002 does not belong in a dataset (PS3.10 7.1); some sources carry stray copies.
        for (int i = ds.size() - 1; i >= 0; i--) {
            if ((ds.tagAt(i) >>> 16) == 0x0002) {
                ds.remove(ds.tagAt(i));
            }
        }
        DicomWriter.write(out, meta(in, target.uid()), ds, target, WriteOptions.DEFAULT);
        Privacy.restrict(out);
        return target.uid().equals(df.transferSyntax().uid()) ? How.REWRITTEN : How.TRANSCODED;
    }

}
