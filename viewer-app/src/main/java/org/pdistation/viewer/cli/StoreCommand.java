package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.net.Requestor;
import org.pdistation.imaging.net.StoreResult;
import org.pdistation.imaging.net.StoreScu;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pdistation store AET@HOST:PORT [--associations N] FILE|DIR...}: C-STORE every file (folders recursively);
 * one line per failed or warned file on standard error, then {@code stored N, warnings N, failed N}.
 */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Send DICOM files to a peer with C-STORE.")
public final class StoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "AET@HOST:PORT", description = "the peer")
    String peer;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE|DIR", description = "files or folders to send")
    List<Path> inputs;

    @Option(names = "--calling-aet", defaultValue = "PDISTATION", description = "our AE title (default: ${DEFAULT-VALUE})")
    String callingAet;

    @Option(names = "--associations", defaultValue = "1", description = "parallel associations (default: ${DEFAULT-VALUE})")
    int associations;

    @picocli.CommandLine.Mixin
    TlsOptions tls = new TlsOptions();

    @picocli.CommandLine.Mixin
    UserOptions user = new UserOptions();

    @Option(names = "--retries", defaultValue = "2",
            description = "retries of transient failures, after 1 s, 2 s, 4 s... (default: ${DEFAULT-VALUE})")
    int retries;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RemoteAe target;
        try {
            target = RemoteAe.parse(peer);
            RemoteAe.checkAet(callingAet);
            if (associations < 1 || associations > 64) {
                throw new IllegalArgumentException("--associations must be 1..64");
            }
        } catch (IllegalArgumentException e) {
            err.println("store: " + e.getMessage());
            return 2;
        }
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    err.println("store: cannot list " + in + ": " + e.getMessage());
                    return 1;
                }
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                err.println("store: no such file or folder: " + in);
                return 2;
            }
        }
        StoreScu scu;
        try {
            scu = new StoreScu(new Requestor(target, callingAet, NetOptions.DEFAULT, tls.socketFactory(),
                    user.identity()), new StoreScu.Retry(retries, Duration.ofSeconds(1)));
        } catch (IOException | IllegalArgumentException e) {
            err.println("store: " + e.getMessage());
            return 2;
        }
        List<StoreResult> results = scu.store(files,
                associations,
                r -> {
                    if (r.outcome() != StoreResult.Outcome.STORED) {
                        synchronized (err) {
                            err.println(r.describe());
                        }
                    }
                });
        err.flush();
        long stored = results.stream().filter(r -> r.outcome() == StoreResult.Outcome.STORED).count();
        long warnings = results.stream().filter(r -> r.outcome() == StoreResult.Outcome.WARNING).count();
        long failed = results.size() - stored - warnings;
        out.println("stored " + stored + ", warnings " + warnings + ", failed " + failed);
        out.flush();
        return failed == 0 ? 0 : PdiStationCommand.EXIT_INPUT_FAILED;
    }
}
