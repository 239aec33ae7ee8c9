package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.net.FindScu;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.Requestor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pdistation find AET@HOST:PORT --level STUDY -k Keyword=value ...}: C-FIND; one line per match with the
 * requested keys as {@code Keyword=value} separated by tabs, then the final status on standard error.
 */
@Command(name = "find", mixinStandardHelpOptions = true, description = "Query a DICOM peer with C-FIND.")
public final class FindCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    QueryOptions query = new QueryOptions();

    @picocli.CommandLine.Mixin
    TlsOptions tls = new TlsOptions();

    @picocli.CommandLine.Mixin
    UserOptions user = new UserOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<QueryOptions.Key> keys;
        Dataset identifier;
        try {
            keys = query.parsedKeys();
            identifier = query.identifier();
            query.target();
            tls.config();
        } catch (IllegalArgumentException e) {
            err.println("find: " + e.getMessage());
            return 2;
        }
        try {
            FindScu.Result r = new FindScu(new Requestor(query.target(), query.callingAet, NetOptions.DEFAULT,
                    tls.socketFactory(), user.identity()))
                    .find(query.queryModel(), identifier, m -> {
                        StringBuilder line = new StringBuilder();
                        for (QueryOptions.Key k : keys) {
                            if (!line.isEmpty()) {
                                line.append('\t');
                            }
                            String[] v = m.getStrings(k.tag());
                            line.append(k.keyword()).append('=').append(v == null ? "" : String.join("\\", v));
                        }
                        out.println(line);
                        return true;
                    });
            out.flush();
            err.println("find: " + r.matches().size() + " matches, " + r.status()
                    + (r.errorComment() != null ? " (" + r.errorComment() + ")" : ""));
            return r.status().isFailure() ? PdiStationCommand.EXIT_INPUT_FAILED : 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("find: " + e.getMessage());
            return PdiStationCommand.EXIT_INPUT_FAILED;
        }
    }
}
