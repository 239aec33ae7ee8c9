package org.pdistation.creator.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pdistation.creator.burn.BurnException;
import org.pdistation.creator.burn.BurnOptions;
import org.pdistation.creator.burn.Burner;
import org.pdistation.creator.burn.Cancellation;
import org.pdistation.creator.burn.Drive;
import org.pdistation.imaging.io.OwnerOnly;
import org.pdistation.imaging.media.iso.IsoWriter;

/**
 * An optical disc: the staged file-set becomes an ISO image in a temporary folder, which the platform's burner
 * writes byte for byte as one closed session (and, with {@link BurnOptions#verify()}, reads back and compares).
 * Reading back for the creator's own verification: a pseudo-drive that is a plain file (xorriso's {@code stdio:})
 * is opened as the image it now holds; a real drive's disc was compared with the image by the burner, so the image
 * is read instead of a block device whose reported size the kernel may not have updated yet.
 */
public final class DiscTarget implements MediaTarget {
    private final Burner burner;
    private final Drive drive;
    private final BurnOptions options;
    private final Cancellation cancellation;
    private final Path workFolder;
    private final boolean udf;

    public DiscTarget(Burner burner, Drive drive, BurnOptions options, Cancellation cancellation, Path workFolder) {
        this(burner, drive, options, cancellation, workFolder, false);
    }

    /** {@code udf}: also write a UDF 1.02 bridge (DVD/BD media); a disc with a viewer gets one in any case. */
    public DiscTarget(Burner burner, Drive drive, BurnOptions options, Cancellation cancellation, Path workFolder,
                      boolean udf) {
        this.udf = udf;
        this.burner = burner;
        this.drive = drive;
        this.options = options;
        this.cancellation = cancellation;
        this.workFolder = workFolder;
    }

    @Override
    public String describe() {
        return "disc in " + drive.describe();
    }

    @Override
    public Path preferredStagingParent() {
        return null;
    }

    @Override
    public WrittenMedium write(Path staging, String fileSetId, Progress progress) throws IOException {
        OwnerOnly.createDirectories(workFolder); // the ISO image in it holds the patient's files
        Path image = Files.createTempFile(workFolder, "pdistation-", ".iso");
        try {
            // The same image IsoTarget writes: UDF and source names below VIEWER/ when a viewer is on the disc.
            new IsoWriter().write(staging, image, IsoTarget.imageOptions(staging, fileSetId, udf),
                    (done, total) -> progress.update("image", done, total));
            burner.burn(image, drive, options, p -> progress.update("burn", p.bytesDone(), p.bytesTotal()),
                    cancellation);
        } catch (BurnException e) {
            Files.deleteIfExists(image);
            throw new IOException("burning failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(image);
            throw e;
        }
        Path pseudo = pseudoDriveFile();
        WrittenMedium readBack = IsoTarget.open(pseudo != null ? pseudo : image, false);
        return new WrittenMedium() {
            @Override
            public Path root() {
                return readBack.root();
            }

            @Override
            public boolean movedByRename() {
                return false;
            }

            @Override
            public String rollBack() throws IOException {
                // A burned disc cannot be unwritten: say so, loudly, so that nobody hands it out.
                return readBack.rollBack();
            }

            @Override
            public void close() throws IOException {
                try {
                    readBack.close();
                } finally {
                    Files.deleteIfExists(image);
                }
            }
        };
    }

    /** The file behind a {@code stdio:} pseudo-drive, or null for a real drive. */
    private Path pseudoDriveFile() {
        String id = drive.id();
        if (id.startsWith("stdio:")) {
            Path p = Path.of(id.substring("stdio:".length()));
            return Files.isRegularFile(p) ? p : null;
        }
        return null;
    }
}
