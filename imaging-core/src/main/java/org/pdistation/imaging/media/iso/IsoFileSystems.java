package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens ISO 9660 and UDF images as file systems without registering a provider with the JDK (no static state). */
public final class IsoFileSystems {
    private IsoFileSystems() {}

    /** Reads the image's descriptors and tree; IOException with the sector when the image is corrupt. */
    public static IsoFileSystem open(Path isoFile) throws IOException {
        IsoFileSystemProvider provider = new IsoFileSystemProvider();
        return new IsoFileSystem(provider, IsoImage.open(isoFile));
    }

    /**
     * The ECMA-119 primary tree (what a reader without Joliet, Rock Ridge or UDF sees), where {@link #open} prefers
     * the Joliet tree; IOException when the image has no readable primary tree.
     */
    public static IsoFileSystem openPrimary(Path isoFile) throws IOException {
        return new IsoFileSystem(new IsoFileSystemProvider(), IsoImage.openPrimary(isoFile));
    }

    /**
     * The UDF tree of a bridge image (names and POSIX permissions as UDF records them), where {@link #open} reads
     * the Joliet tree; IOException when the image has no UDF volume or it is corrupt.
     */
    public static IsoFileSystem openUdf(Path isoFile) throws IOException {
        return new IsoFileSystem(new IsoFileSystemProvider(), IsoImage.openUdf(isoFile));
    }

    /**
     * True when the file announces a UDF volume: a Volume Recognition Sequence with NSR02 or NSR03 from sector 16
     * (ECMA-167 2/9.1). A UDF-only image has no CD001 descriptor; a bridge image has both.
     */
    public static boolean hasUdfRecognition(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return UdfVolumeReader.hasRecognitionSequence(ch);
        }
    }
}
