package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.pdistation.creator.archive.CreatorBurnAction;
import org.pdistation.creator.burn.Burners;
import org.pdistation.creator.stage.CreateOptions;
import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.burn.AutoBurnRule;
import org.pdistation.imaging.archive.burn.AutoBurner;
import org.pdistation.imaging.codec.CodecRegistry;
import org.pdistation.imaging.archive.CheckReport;
import org.pdistation.imaging.archive.ConflictPolicy;
import org.pdistation.imaging.archive.Durability;
import org.pdistation.imaging.archive.IngestOutcome;
import org.pdistation.imaging.archive.index.FindQuery;
import org.pdistation.imaging.archive.service.AccessPolicy;
import org.pdistation.imaging.archive.service.ArchiveServer;
import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.QueryLevel;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.viewer.AppHome;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pdistation archive serve|ls|add|delete|check|jobs|retrieve}: the local archive (issue 7). */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "The local archive: serve it over DICOM, list, add, delete, check, burn jobs, retrieve.",
        subcommands = {ArchiveCommand.Serve.class, ArchiveCommand.Ls.class, ArchiveCommand.Add.class,
                ArchiveCommand.Delete.class, ArchiveCommand.Check.class, ArchiveJobsCommand.class,
                ArchiveRetrieveCommand.class})
public final class ArchiveCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every subcommand has. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", description = "archive folder (default: the station's data folder)")
        Path dir;

        Archive open() throws IOException {
            return Archive.open(dir != null ? dir : AppHome.resolve().archive(), ConflictPolicy.KEEP_FIRST,
                    durability());
        }

        /** Survives a killed process; {@code serve --fsync} also a power loss (see Durability). */
        Durability durability() {
            return Durability.OS_CACHE;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        @Override
        public Integer call() {
            try (Archive a = open()) {
                return run(a);
            } catch (IOException | SQLException | InterruptedException e) {
                err().println("archive " + spec.name() + ": " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                err().println("archive " + spec.name() + ": " + e.getMessage());
                return 2;
            }
        }

        abstract int run(Archive a) throws IOException, SQLException, InterruptedException;
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Storage, Query/Retrieve and Verification SCP over the archive until stopped (Ctrl-C).")
    static final class Serve extends Base {
        @Option(names = "--aet", defaultValue = "PDISTATION", description = "our AE title (default: ${DEFAULT-VALUE})")
        String aet;

        @Option(names = "--port", defaultValue = "11112", description = "TCP port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--bind", description = "address to listen on (default: all)")
        String bind;

        @Option(names = "--allow", split = ",", description = "calling AE titles allowed (default: any may "
                + "echo and store; query/retrieve only from these and the peers)")
        List<String> allow = List.of();

        // The default, like storescp and Orthanc, flushes nothing per instance: a file is renamed into place before
        // its index row commits, so a killed process loses nothing acknowledged and files and index agree; a power
        // loss may lose the last instances. --fsync flushes each file before answering (slower).
        @Option(names = "--fsync", description = "flush each received file to disk before answering the sender, so "
                + "that it survives a power loss (default: survives a killed process, not a power loss; faster)")
        boolean fsync;

        @Override
        Durability durability() {
            return fsync ? Durability.FSYNC : Durability.OS_CACHE;
        }

        @Option(names = "--auto-burn", paramLabel = "RULE", description = "burn studies automatically once no "
                + "instance arrived for a while; RULE is key=value,...: calling=AET and/or called=AET (the server "
                + "also answers to that AE title, e.g. BURN_CD), quiet=SECONDS (30), profile=STD-GEN-CD (default) "
                + "| STD-GEN-DVD-JPEG | ..., one of iso=DIR, folder=DIR, drive=DEVICE, and optionally name=NAME. "
                + "E.g. called=BURN_CD,quiet=60,iso=/srv/iso. Repeatable.")
        List<String> autoBurn = List.of();

        @Option(names = "--peer", description = "known AE (query/retrieve allowed, C-MOVE destination): AET@HOST:PORT")
        List<String> peers = List.of();

        @Override
        int run(Archive a) throws IOException, InterruptedException, SQLException {
            Map<String, RemoteAe> table = new LinkedHashMap<>();
            for (String p : peers) {
                RemoteAe ae = RemoteAe.parse(p);
                table.put(ae.aet(), ae);
            }
            List<AutoBurnRule> rules = new ArrayList<>();
            for (String r : autoBurn) {
                rules.add(AutoBurnRule.parse(r));
            }
            PrintWriter out = out();
            java.util.function.Consumer<String> lines = line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            };
            AutoBurner burner = rules.isEmpty() ? null : new AutoBurner(a, rules, new CreatorBurnAction(
                    CreateOptions.defaults(), Burners.forPlatform(), a.store().root().resolve("burn-work"),
                    CodecRegistry.standard()));
            AutoCloseable burning = burner == null ? () -> { } : burner.startBackground(Duration.ofSeconds(1), lines);
            DicomServer server = ArchiveServer.start(a, aet, bind, port,
                    new AccessPolicy(new LinkedHashSet<>(allow), table), NetOptions.DEFAULT, lines, burner,
                    burner == null ? Set.of() : burner.calledAets());
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                try {
                    burning.close();
                } catch (Exception e) {
                    // Stopping anyway; an unfinished job resumes at the next start.
                }
                stop.countDown();
            }));
            for (AutoBurnRule r : rules) {
                out.println("auto-burn rule " + r.name() + ": " + (r.calledAet() != null ? "called " + r.calledAet()
                        + " " : "") + (r.callingAet() != null ? "calling " + r.callingAet() + " " : "") + "quiet "
                        + r.quiet().toSeconds() + " s, " + r.profile() + ", " + r.target().kind() + " "
                        + r.target().destination());
            }
            out.println("archive " + a.store().root() + " serving as " + aet + " on port " + server.port());
            out.flush();
            stop.await();
            return 0;
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List studies, series or instances.")
    static final class Ls extends Base {
        @Option(names = "--name", description = "patient name pattern (* and ?; case and accents ignored)")
        String name;

        @Option(names = "--id", description = "patient ID")
        String id;

        @Option(names = "--date", description = "study date or range YYYYMMDD-YYYYMMDD")
        String date;

        @Option(names = "--modality", description = "modality, e.g. CT")
        String modality;

        @Option(names = "--level", defaultValue = "study", description = "study, series or instance")
        String level;

        @Override
        int run(Archive a) throws SQLException {
            QueryLevel l = switch (level.toLowerCase(java.util.Locale.ROOT)) {
                case "study" -> QueryLevel.STUDY;
                case "series" -> QueryLevel.SERIES;
                case "instance", "image" -> QueryLevel.IMAGE;
                default -> throw new IllegalArgumentException("unknown level '" + level
                        + "', expected study, series or instance");
            };
            Dataset keys = new Dataset();
            keys.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
            put(keys, Tag.PatientName, VR.PN, name);
            put(keys, Tag.PatientID, VR.LO, id);
            put(keys, Tag.StudyDate, VR.DA, date);
            put(keys, l == QueryLevel.STUDY ? Tag.ModalitiesInStudy : Tag.Modality, VR.CS, modality);
            for (int t : new int[] {Tag.StudyDescription, Tag.NumberOfStudyRelatedSeries,
                    Tag.NumberOfStudyRelatedInstances, Tag.ModalitiesInStudy, Tag.SeriesNumber, Tag.Modality,
                    Tag.SeriesDescription, Tag.NumberOfSeriesRelatedInstances, Tag.InstanceNumber, Tag.SOPClassUID}) {
                if (!keys.contains(t)) {
                    keys.setBytes(t, VR.UN, new byte[0]);
                }
            }
            FindQuery q = new FindQuery(l, keys, null);
            PrintWriter out = out();
            int n = a.index().withConnection(c -> q.run(c, ds -> {
                out.println(row(l, ds));
                return true;
            }));
            out.println(n + " " + level + (n == 1 ? "" : " rows"));
            return 0;
        }

        private static void put(Dataset keys, int tag, VR vr, String v) {
            if (v != null && !v.isBlank()) {
                keys.setString(tag, vr, v);
            }
        }

        private static String row(QueryLevel l, Dataset ds) {
            String study = String.join("\t", s(ds, Tag.PatientID), s(ds, Tag.PatientName), s(ds, Tag.StudyDate),
                    s(ds, Tag.ModalitiesInStudy), s(ds, Tag.StudyDescription), s(ds, Tag.StudyInstanceUID));
            return switch (l) {
                case SERIES -> String.join("\t", s(ds, Tag.StudyInstanceUID), s(ds, Tag.SeriesNumber),
                        s(ds, Tag.Modality), s(ds, Tag.SeriesDescription), s(ds, Tag.NumberOfSeriesRelatedInstances),
                        s(ds, Tag.SeriesInstanceUID));
                case IMAGE -> String.join("\t", s(ds, Tag.SeriesInstanceUID), s(ds, Tag.InstanceNumber),
                        s(ds, Tag.SOPClassUID), s(ds, Tag.SOPInstanceUID));
                default -> study + "\t" + s(ds, Tag.NumberOfStudyRelatedInstances);
            };
        }

        private static String s(Dataset ds, int tag) {
            String v = ds.getText(tag);
            return v == null ? "" : v;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add DICOM files, folders or mounted media (a DICOMDIR's folder) to the archive.")
    static final class Add extends Base {
        @Parameters(arity = "1..*", paramLabel = "PATH")
        List<Path> paths;

        @Override
        int run(Archive a) throws IOException {
            Map<IngestOutcome, Integer> counts = new LinkedHashMap<>();
            int failed = 0;
            for (Path root : paths) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(root)) {
                    // Not following links (Files.walk does not descend into them, and a link to a file is not a
                    // regular file here): nothing outside the given folder or medium is read.
                    files = s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                            .sorted().toList();
                }
                for (Path f : files) {
                    if (f.getFileName().toString().equalsIgnoreCase("DICOMDIR")) {
                        continue;
                    }
                    try {
                        counts.merge(a.addFile(f, "file:" + root.getFileName()), 1, Integer::sum);
                    } catch (IOException | IllegalArgumentException e) {
                        failed++;
                        err().println(f + ": " + e.getMessage());
                    }
                }
            }
            out().println(counts + ", " + failed + " not added");
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a study (files and rows).")
    static final class Delete extends Base {
        @Parameters(paramLabel = "STUDY_UID")
        String studyUid;

        @Override
        int run(Archive a) throws IOException {
            int n = a.deleteStudy(studyUid);
            out().println(n == 0 ? "no such study" : "deleted " + n + " instances");
            return n == 0 ? 1 : 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Reconcile files and index; --deep also verifies every checksum.")
    static final class Check extends Base {
        @Option(names = "--deep", description = "re-hash every stored data set")
        boolean deep;

        @Override
        int run(Archive a) throws IOException {
            CheckReport r = a.check(deep);
            out().println(r.describe());
            r.checksumMismatches().forEach(u -> out().println("checksum mismatch: " + u));
            return r.clean() ? 0 : 1;
        }
    }
}
