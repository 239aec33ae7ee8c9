package org.pdistation.imaging.media.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

import org.pdistation.imaging.media.iso.ImageFormat;
import org.pdistation.imaging.media.iso.IsoFileSystem;
import org.pdistation.imaging.media.iso.IsoFileSystems;

/**
 * The files of an image's ISO 9660 primary tree when the verifier reads its Joliet or UDF tree: a name that is not
 * Level 1 and is absent from the primary tree was left out of it on purpose (ECMA-119 readers never see it), so
 * rule 10 has nothing to warn about for it.
 */
final class Level1Tree {
    private Level1Tree() {}

    /**
     * The primary tree's file paths ("A/B/C", no version), or null when {@code root} is not an image read through
     * its Joliet or UDF tree, or its primary tree cannot be read (then every name is judged as on a folder).
     */
    static Set<String> filesBeside(Path root, int maxFiles) {
        if (!(root.getFileSystem() instanceof IsoFileSystem iso) || iso.format() == ImageFormat.ISO9660) {
            return null;
        }
        try (IsoFileSystem primary = IsoFileSystems.openPrimary(iso.imageFile());
             Stream<Path> walk = Files.walk(primary.root(), MediumWalker.MAX_DEPTH)) {
            Set<String> files = new HashSet<>();
            for (Iterator<Path> it = walk.iterator(); it.hasNext(); ) {
                Path p = it.next();
                if (Files.isRegularFile(p)) {
                    if (files.size() >= maxFiles) {
                        return null; // too many to compare: keep the folder rules
                    }
                    files.add(MediumWalker.rel(primary.root(), p));
                }
            }
            return files;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }
}
