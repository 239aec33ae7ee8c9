package org.pdistation.imaging.media;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pdistation.imaging.media.iso.IsoFileSystem;
import org.pdistation.imaging.media.iso.IsoFileSystems;

/**
 * A medium as the readers see it: a root {@link Path} (a folder, the folder of a DICOMDIR, or the root of an ISO
 * 9660 or UDF image opened read-only) and whatever must be closed when reading is over. Every reader (verify-media, the
 * importer, the viewer) opens media through here, so an .iso file is read directly, with no drive and no mount.
 *
 * @param root    the medium's root folder
 * @param source  what the user named (folder, DICOMDIR or image file)
 * @param image   true when {@code root} lies inside an ISO image
 */
public record OpenedMedium(Path root, Path source, boolean image, Closeable closer) implements Closeable {

    /** ECMA-119 8.1: volume descriptors start at sector 16 (byte 32768); byte 1 of each holds "CD001". */
    private static final long DESCRIPTOR_OFFSET = 16L * 2048 + 1;

    /**
     * Opens {@code path}: an ISO image (recognised by its volume descriptor, whatever its name), a DICOMDIR file
     * (its folder is the root) or a folder.
     */
    public static OpenedMedium open(Path path) throws IOException {
        if (Files.isRegularFile(path) && isIsoImage(path)) {
            IsoFileSystem fs = IsoFileSystems.open(path);
            return new OpenedMedium(fs.root(), path, true, fs);
        }
        Path root = Files.isRegularFile(path) ? parentOf(path) : path;
        return new OpenedMedium(root, path, false, () -> { });
    }

    /**
     * True when the file holds an ISO 9660 volume descriptor identifier at sector 16, or a UDF volume recognition
     * sequence (BEA01, NSR02/NSR03, TEA01) from there: a UDF-only DVD image opens like an ISO 9660 one.
     */
    public static boolean isIsoImage(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            if (ch.size() < DESCRIPTOR_OFFSET + 5) {
                return false;
            }
            ByteBuffer id = ByteBuffer.allocate(5);
            ch.position(DESCRIPTOR_OFFSET);
            while (id.hasRemaining() && ch.read(id) >= 0) {
                // read the five identifier bytes
            }
            return "CD001".equals(new String(id.array(), StandardCharsets.US_ASCII))
                    || IsoFileSystems.hasUdfRecognition(file);
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : file;
    }

    @Override
    public void close() throws IOException {
        closer.close();
    }
}
