package org.pdistation.imaging.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What every fuzz and mutation test asks of the reader: for any bytes, from a stream or a file, in every mode, the
 * outcome is a {@link DicomFile} or a {@link DicomParseException}. Anything else escapes and is a finding.
 */
final class ReaderFuzzTarget {
    private static final List<ReadOptions> MODES = List.of(ReadOptions.HEADER_ONLY, ReadOptions.BULK_BY_REFERENCE,
            ReadOptions.IN_MEMORY, ReadOptions.IN_MEMORY.withStrict(true));

    private ReaderFuzzTarget() {}

    static void readStream(byte[] data) {
        for (ReadOptions opt : MODES) {
            try {
                check(DicomReader.read(new ByteArrayInputStream(data), opt));
            } catch (DicomParseException expected) {
                // an allowed outcome
            } catch (IOException e) {
                throw new AssertionError("IOException other than DicomParseException from a byte array", e);
            }
        }
    }

    static void readFile(byte[] data, Path file) {
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (ReadOptions opt : MODES) {
            try {
                check(DicomReader.read(file, opt));
            } catch (DicomParseException expected) {
                // an allowed outcome
            } catch (IOException e) {
                throw new AssertionError("IOException other than DicomParseException from a file", e);
            }
        }
    }

    private static void check(DicomFile df) {
        if (!df.complete() && !df.hasErrors()) {
            throw new AssertionError("incomplete result without an error problem: " + df.problems());
        }
        for (ReadProblem p : df.problems()) {
            if (p.offset() < 0) {
                throw new AssertionError("problem without offset: " + p);
            }
        }
    }
}
