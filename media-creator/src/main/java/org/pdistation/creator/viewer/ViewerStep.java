package org.pdistation.creator.viewer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.pdistation.creator.stage.ReadmeWriter;
import org.pdistation.creator.stage.StagedFileSet;
import org.pdistation.creator.stage.StagingStep;

/**
 * Puts portable viewer builds on the medium: each build goes to {@code VIEWER/<build folder name>/}, with a start
 * file per platform in {@code VIEWER/} that opens this medium ({@code LINUX.SH}, {@code WINDOWS.BAT},
 * {@code MACOS.SH}), a {@code VIEWER/README.TXT} that says how to start it (INDEX.HTM links it), and a section in the
 * root README.TXT. Nothing starts by itself (PDI-REQUIREMENTS 7): no autorun.inf is written, and one found in a
 * build is left out and reported.
 *
 * <p>Must run before the web content step, which links the viewer only when {@code VIEWER/} exists. Files keep
 * their modes and modification times: the launcher must stay executable, and the JVM accepts the build's AppCDS
 * archive only for a jar with the modification time it was made with.
 */
public final class ViewerStep implements StagingStep {
    /** The root entry (an ISO 9660 Level 1 directory name, not starting with IHE: PDI-REQUIREMENTS 5, 10). */
    public static final String FOLDER = "VIEWER";

    private final List<PortableBuild> builds;
    private final Consumer<String> problems;

    /** @throws IllegalArgumentException when two builds are for the same platform or have the same name */
    public ViewerStep(List<PortableBuild> builds, Consumer<String> problems) {
        Set<PortableBuild.Platform> platforms = EnumSet.noneOf(PortableBuild.Platform.class);
        List<String> names = new ArrayList<>();
        for (PortableBuild b : builds) {
            if (!platforms.add(b.platform())) {
                throw new IllegalArgumentException("two viewer builds for " + b.platform().label() + ": give one "
                        + "portable build per platform");
            }
            if (names.contains(b.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("two viewer builds named " + b.name());
            }
            names.add(b.name().toLowerCase(java.util.Locale.ROOT));
        }
        this.builds = List.copyOf(builds);
        this.problems = problems;
    }

    @Override
    public String name() {
        return "viewer";
    }

    /** Bytes the builds take on a medium (for the planner's reserve), links counted as the files they name. */
    public static long bytes(List<PortableBuild> builds) throws IOException {
        long sum = 64 * 1024; // start files and README
        for (PortableBuild b : builds) {
            try (Stream<Path> s = Files.walk(b.folder())) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (Files.isRegularFile(p)) {
                        sum += Files.size(p);
                    }
                }
            }
        }
        return sum;
    }

    @Override
    public void apply(StagedFileSet set) throws IOException {
        if (builds.isEmpty()) {
            return;
        }
        Path viewer = set.root().resolve(FOLDER);
        Files.createDirectories(viewer);
        for (PortableBuild b : builds) {
            copyTree(b.folder(), viewer.resolve(b.name()), "medium " + set.number() + ": viewer build " + b.name());
            writeStartScript(viewer, b);
        }
        write(viewer.resolve("README.TXT"), StartInstructions.viewerReadme(builds), false);
        addReadmeSection(set.root().resolve(ReadmeWriter.FILE_NAME));
    }

    private void copyTree(Path from, Path to, String where) throws IOException {
        Path realRoot = from.toRealPath();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
                String rel = from.relativize(file).toString();
                if (file.getFileName().toString().equalsIgnoreCase("autorun.inf")) {
                    // PDI-REQUIREMENTS 7: the medium works without autorun and nothing starts by itself.
                    problems.accept(where + ": left out " + rel + " (nothing on a PDI medium may start by itself)");
                    return FileVisitResult.CONTINUE;
                }
                Path source = file;
                if (a.isSymbolicLink()) {
                    // Links do not survive ISO 9660 / FAT media: the file it names is copied, if it is in the build.
                    Path target = file.toRealPath();
                    if (!target.startsWith(realRoot) || !Files.isRegularFile(target)) {
                        problems.accept(where + ": left out the link " + rel + ", which points outside the build");
                        return FileVisitResult.CONTINUE;
                    }
                    source = target;
                } else if (!a.isRegularFile()) {
                    problems.accept(where + ": left out " + rel + ", not a regular file");
                    return FileVisitResult.CONTINUE;
                }
                Files.copy(source, to.resolve(rel), StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void writeStartScript(Path viewer, PortableBuild b) throws IOException {
        Path script = viewer.resolve(b.platform().startScript());
        write(script, StartInstructions.startScript(b), b.platform() != PortableBuild.Platform.WINDOWS);
    }

    /** The root README.TXT gets a "VIEWER ON THIS MEDIUM" section before its CONTACT section. */
    private void addReadmeSection(Path readme) throws IOException {
        if (!Files.isRegularFile(readme)) {
            problems.accept("no README.TXT to describe the viewer in");
            return;
        }
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String section = String.join("\r\n", StartInstructions.readmeSection(builds)) + "\r\n\r\n";
        int contact = text.lastIndexOf("\r\nCONTACT\r\n");
        text = contact < 0 ? text + "\r\n" + section : text.substring(0, contact + 2) + section
                + text.substring(contact + 2);
        Files.writeString(readme, text, StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text, boolean executable) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            // Not patient data: readable by everyone who can read the medium; scripts executable.
            posix.setPermissions(PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }
}
