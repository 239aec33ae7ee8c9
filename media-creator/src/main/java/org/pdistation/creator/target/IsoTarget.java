package org.pdistation.creator.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import org.pdistation.creator.viewer.ViewerStep;
import org.pdistation.imaging.io.OwnerOnly;
import org.pdistation.imaging.media.iso.IsoFileSystem;
import org.pdistation.imaging.media.iso.IsoFileSystems;
import org.pdistation.imaging.media.iso.IsoOptions;
import org.pdistation.imaging.media.iso.IsoWriter;

/**
 * An ISO 9660 image file (Level 1 names and a Joliet tree, PS3.12 for CD media; a UDF bridge for DVD/BD and
 * whenever a portable viewer is on the medium), written in pure Java so that no
 * external tool is needed. The File-set ID becomes the volume identifier (PDI-REQUIREMENTS 10). The image is read
 * back through its own read-only file system, i.e. exactly as a reader of the disc would see it.
 */
public final class IsoTarget implements MediaTarget {
    private final Path isoFile;
    private final boolean replace;
    private final boolean udf;

    public IsoTarget(Path isoFile, boolean replace) {
        this(isoFile, replace, false);
    }

    /** {@code udf}: also write a UDF 1.02 bridge (DVD/BD media: {@code MediumSize.udfBridge()}). */
    public IsoTarget(Path isoFile, boolean replace, boolean udf) {
        this.isoFile = isoFile.toAbsolutePath();
        this.replace = replace;
        this.udf = udf;
    }

    @Override
    public String describe() {
        return "ISO image " + isoFile;
    }

    /** Staging goes to the temporary folder: the image is a copy in any case. */
    @Override
    public Path preferredStagingParent() {
        return null;
    }

    @Override
    public WrittenMedium write(Path staging, String fileSetId, Progress progress) throws IOException {
        if (Files.exists(isoFile) && !replace) {
            throw new IOException(isoFile + " already exists (use --replace to overwrite it)");
        }
        Path parent = isoFile.getParent();
        if (parent != null) {
            OwnerOnly.createDirectories(parent);
        }
        // IsoWriter writes to a ".part" file and renames it at the end, so a failure leaves no image behind.
        new IsoWriter().write(staging, isoFile, imageOptions(staging, fileSetId, udf),
                (done, total) -> progress.update("write", done, total));
        return open(isoFile, true);
    }

    /**
     * The image's options: PDI (File-set ID as volume ID, Level 1 names, Joliet), the UDF bridge when asked for, and
     * when the staging holds a portable viewer ({@link ViewerStep#FOLDER}) the UDF bridge whatever the medium size
     * plus source names below that folder: the runtime's long names and the execute permission of its launcher and
     * {@code java} survive only in UDF (and the names in Joliet). The Level 1 tree keeps the DICOM part and the
     * viewer's Level 1 entries only, so a reader that looks at ISO 9660 alone sees a conformant PDI medium.
     */
    static IsoOptions imageOptions(Path staging, String fileSetId, boolean udf) {
        IsoOptions pdi = IsoOptions.pdi(fileSetId, Instant.now());
        if (Files.isDirectory(staging.resolve(ViewerStep.FOLDER))) {
            return pdi.withUdf(true).withLongNamesUnder(Set.of(ViewerStep.FOLDER));
        }
        return pdi.withUdf(udf);
    }

    /**
     * The image opened for reading back; {@code ownImage} says whether rolling back may delete it (the one we just
     * wrote) or not.
     */
    static WrittenMedium open(Path image, boolean ownImage) throws IOException {
        IsoFileSystem fs = IsoFileSystems.open(image);
        return new WrittenMedium() {
            @Override
            public Path root() {
                return fs.root();
            }

            @Override
            public boolean movedByRename() {
                return false;
            }

            @Override
            public String rollBack() throws IOException {
                fs.close();
                if (!ownImage) {
                    return "the written medium failed verification; it must not be handed out";
                }
                Files.deleteIfExists(image);
                return "the image " + image + " was deleted";
            }

            @Override
            public void close() throws IOException {
                fs.close();
            }
        };
    }
}
