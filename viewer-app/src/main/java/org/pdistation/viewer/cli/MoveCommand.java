package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.net.MoveScu;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.Requestor;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.net.RetrieveResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pdistation move AET@HOST:PORT --dest AET -k ...}: C-MOVE to another AE; prints the sub-operation counts. */
@Command(name = "move", mixinStandardHelpOptions = true, description = "Ask a DICOM peer to send instances to an AE (C-MOVE).")
public final class MoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    QueryOptions query = new QueryOptions();

    @picocli.CommandLine.Mixin
    TlsOptions tls = new TlsOptions();

    @picocli.CommandLine.Mixin
    UserOptions user = new UserOptions();

    @Option(names = "--dest", required = true, description = "the move destination AE title (known to the peer)")
    String destination;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dataset identifier;
        try {
            identifier = query.identifier();
            query.target();
            RemoteAe.checkAet(destination);
            tls.config();
        } catch (IllegalArgumentException e) {
            err.println("move: " + e.getMessage());
            return 2;
        }
        try {
            RetrieveResult r = new MoveScu(new Requestor(query.target(), query.callingAet, NetOptions.DEFAULT,
                    tls.socketFactory(), user.identity()))
                    .move(query.queryModel(), destination, identifier);
            out.println(r.describe());
            out.flush();
            return r.status().isSuccess() ? 0 : PdiStationCommand.EXIT_INPUT_FAILED;
        } catch (IOException | IllegalArgumentException e) {
            err.println("move: " + e.getMessage());
            return PdiStationCommand.EXIT_INPUT_FAILED;
        }
    }
}
