package org.pdistation.viewer.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.service.AccessPolicy;
import org.pdistation.imaging.archive.service.ArchiveRetriever;
import org.pdistation.imaging.archive.service.ArchiveServer;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pdistation archive retrieve}: brings studies from a PACS into the local archive for burning (issue 7 item 4),
 * by C-GET (nothing to configure on the PACS) or C-MOVE to an AE the PACS knows: {@code archive serve} on this
 * archive, or with {@code --port} a storage SCP this command runs itself while retrieving.
 */
@Command(name = "retrieve", mixinStandardHelpOptions = true,
        description = "Retrieve studies from a PACS into the archive (C-GET, or C-MOVE to an AE the PACS knows); "
                + "then e.g. pdistation create --archive-study UID --iso FILE.")
final class ArchiveRetrieveCommand extends ArchiveCommand.Base {
    @Option(names = "--from", required = true, paramLabel = "AET@HOST:PORT", description = "the PACS")
    String from;

    @Option(names = "--aet", defaultValue = "PDISTATION", description = "our calling AE title (default: "
            + "${DEFAULT-VALUE})")
    String aet;

    @Option(names = "--get", description = "retrieve by C-GET on the same association (default when no --move-dest)")
    boolean get;

    @Option(names = "--move-dest", paramLabel = "AET", description = "retrieve by C-MOVE to this AE title, which the "
            + "PACS must know: 'archive serve' on this archive, or this command itself with --port")
    String moveDest;

    @Option(names = "--port", description = "with --move-dest: receive the moved instances here ourselves, as that "
            + "AE title, while retrieving (when 'archive serve' is not running)")
    Integer port;

    @Option(names = "--study", arity = "1..*", required = true, paramLabel = "UID", description = "Study Instance "
            + "UIDs to retrieve")
    List<String> studies;

    @Override
    int run(Archive a) throws IOException {
        if (get && moveDest != null) {
            throw new IllegalArgumentException("give --get or --move-dest, not both");
        }
        if (port != null && moveDest == null) {
            throw new IllegalArgumentException("--port receives C-MOVE sub-operations; it needs --move-dest");
        }
        RemoteAe pacs = RemoteAe.parse(from);
        ArchiveRetriever.Method method = moveDest != null ? ArchiveRetriever.Method.MOVE : ArchiveRetriever.Method.GET;
        ArchiveRetriever retriever = new ArchiveRetriever(a, pacs, aet, moveDest != null ? moveDest : aet,
                NetOptions.DEFAULT);
        ArchiveRetriever.Result r;
        if (port != null) {
            // Only the PACS may store into this temporary SCP.
            try (DicomServer scp = ArchiveServer.start(a, moveDest, null, port,
                    new AccessPolicy(Set.of(pacs.aet()), Map.of()), NetOptions.DEFAULT, line -> { })) {
                r = retriever.retrieveStudies(studies, method);
            }
        } else {
            r = retriever.retrieveStudies(studies, method);
        }
        r.localStudies().forEach(s -> out().println("in the archive: " + s));
        r.failures().forEach(f -> err().println("failed: " + f));
        out().println(r.localStudies().size() + " of " + studies.size() + " studies in the archive");
        return r.failures().isEmpty() && r.localStudies().size() == studies.size() ? 0 : 1;
    }
}
