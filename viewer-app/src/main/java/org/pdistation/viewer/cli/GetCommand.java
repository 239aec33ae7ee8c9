package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.GetScu;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.Requestor;
import org.pdistation.imaging.net.RetrieveResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pdistation get AET@HOST:PORT -k ... --dir DIR}: C-GET into DIR; prints the sub-operation counts. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Retrieve instances from a DICOM peer with C-GET.")
public final class GetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    QueryOptions query = new QueryOptions();

    @picocli.CommandLine.Mixin
    TlsOptions tls = new TlsOptions();

    @picocli.CommandLine.Mixin
    UserOptions user = new UserOptions();

    @Option(names = "--dir", required = true, description = "folder for the received instances")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dataset identifier;
        try {
            identifier = query.identifier();
            query.target();
            tls.config();
        } catch (IllegalArgumentException e) {
            err.println("get: " + e.getMessage());
            return 2;
        }
        try {
            RetrieveResult r = new GetScu(new Requestor(query.target(), query.callingAet, NetOptions.DEFAULT,
                    tls.socketFactory(), user.identity()),
                    org.pdistation.imaging.net.GetScu.DEFAULT_STORAGE_CLASSES)
                    .get(query.queryModel(), identifier, new FolderSink(dir));
            out.println(r.describe());
            out.flush();
            return r.status().isSuccess() ? 0 : PdiStationCommand.EXIT_INPUT_FAILED;
        } catch (IOException | IllegalArgumentException e) {
            err.println("get: " + e.getMessage());
            return PdiStationCommand.EXIT_INPUT_FAILED;
        }
    }
}
