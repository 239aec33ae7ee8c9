package org.pdistation.viewer.cli;

import java.util.concurrent.Callable;

import org.pdistation.imaging.net.MoveScu;
import org.pdistation.imaging.net.RemoteAe;

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
    RetrieveOptions retrieve = new RetrieveOptions();

    @Option(names = "--dest", required = true, description = "the move destination AE title (known to the peer)")
    String destination;

    @Override
    public Integer call() {
        return retrieve.run(spec, "move", () -> RemoteAe.checkAet(destination), (requestor, model, identifier) ->
                new MoveScu(requestor).move(model, destination, identifier));
    }
}
