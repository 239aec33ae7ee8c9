package org.pdistation.imaging.media.iso;

import java.io.IOException;
import java.nio.file.Path;

/** Opens ISO images as file systems without registering a provider with the JDK (no static state). */
public final class IsoFileSystems {
    private IsoFileSystems() {}

    /** Reads the image's descriptors and tree; IOException with the sector when the image is corrupt. */
    public static IsoFileSystem open(Path isoFile) throws IOException {
        IsoFileSystemProvider provider = new IsoFileSystemProvider();
        return new IsoFileSystem(provider, IsoImage.open(isoFile));
    }
}
