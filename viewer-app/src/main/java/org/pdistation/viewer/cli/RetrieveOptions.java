package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.QueryModel;
import org.pdistation.imaging.net.Requestor;
import org.pdistation.imaging.net.RetrieveResult;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code get} and {@code move} share: the query, TLS and user identity options, their validation, and
 * printing the retrieve's sub-operation counts (PS3.4 C.4.2/C.4.3) as the exit code's reason.
 */
final class RetrieveOptions {
    /** The retrieve itself, given the requestor built from the options. */
    @FunctionalInterface
    interface Retrieval {
        RetrieveResult retrieve(Requestor requestor, QueryModel model, Dataset identifier) throws IOException;
    }

    @Mixin
    QueryOptions query = new QueryOptions();

    @Mixin
    TlsOptions tls = new TlsOptions();

    @Mixin
    UserOptions user = new UserOptions();

    /**
     * Checks the options ({@code check} for the command's own), runs {@code retrieval} and prints its result: 0 on
     * success, 2 for bad options, {@link PdiStationCommand#EXIT_INPUT_FAILED} when the retrieve failed.
     */
    int run(CommandSpec spec, String name, Runnable check, Retrieval retrieval) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dataset identifier;
        try {
            identifier = query.identifier();
            query.target();
            check.run();
            tls.config();
        } catch (IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            return 2;
        }
        try {
            RetrieveResult r = retrieval.retrieve(new Requestor(query.target(), query.callingAet, NetOptions.DEFAULT,
                    tls.socketFactory(), user.identity()), query.queryModel(), identifier);
            out.println(r.describe());
            out.flush();
            return r.status().isSuccess() ? 0 : PdiStationCommand.EXIT_INPUT_FAILED;
        } catch (IOException | IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            return PdiStationCommand.EXIT_INPUT_FAILED;
        }
    }
}
