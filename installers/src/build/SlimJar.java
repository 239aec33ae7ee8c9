import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Removes entries from a jar in place: {@code java SlimJar.java JAR LIST}, LIST holding one entry name per line.
 * build-packages.sh uses it where {@code zip} is missing (Git Bash on Windows has none). The zip file system rewrites
 * the archive on close, copying the kept entries' compressed bytes as they are.
 */
public final class SlimJar {
    private SlimJar() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java SlimJar.java JAR LIST");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        List<String> names = Files.readAllLines(Path.of(args[1])).stream()
                .map(String::strip).filter(n -> !n.isEmpty() && !n.endsWith("/")).toList();
        int removed = 0;
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            for (String name : names) {
                if (Files.deleteIfExists(zip.getPath(name))) removed++;
            }
        }
        System.out.println(jar.getFileName() + ": " + removed + " of " + names.size() + " entries removed");
    }
}
