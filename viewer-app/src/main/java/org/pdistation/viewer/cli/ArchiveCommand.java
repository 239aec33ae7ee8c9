package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.pdistation.imaging.archive.Archive;
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

/** {@code pdistation archive serve|ls|add|delete|check}: the local archive (issue 7). */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "The local archive: serve it over DICOM, list, add, delete, check.",
        subcommands = {ArchiveCommand.Serve.class, ArchiveCommand.Ls.class, ArchiveCommand.Add.class,
                ArchiveCommand.Delete.class, ArchiveCommand.Check.class})
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

        Durability durability() {
            return Durability.FSYNC;
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

        @Option(names = "--no-fsync", description = "leave flushing received files to the OS (faster; a power "
                + "loss may lose the last instances, a killed process does not)")
        boolean noFsync;

        @Override
        Durability durability() {
            return noFsync ? Durability.OS_CACHE : Durability.FSYNC;
        }

        @Option(names = "--peer", description = "known AE (query/retrieve allowed, C-MOVE destination): AET@HOST:PORT")
        List<String> peers = List.of();

        @Override
        int run(Archive a) throws IOException, InterruptedException {
            Map<String, RemoteAe> table = new LinkedHashMap<>();
            for (String p : peers) {
                RemoteAe ae = RemoteAe.parse(p);
                table.put(ae.aet(), ae);
            }
            PrintWriter out = out();
            DicomServer server = ArchiveServer.start(a, aet, bind, port,
                    new AccessPolicy(new LinkedHashSet<>(allow), table), NetOptions.DEFAULT, line -> {
                        synchronized (out) {
                            out.println(line);
                            out.flush();
                        }
                    });
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stop.countDown();
            }));
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
                    // Not following links: nothing outside the given folder or medium is read.
                    files = s.filter(Files::isRegularFile).sorted().toList();
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
