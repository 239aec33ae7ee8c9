package org.pdistation.viewer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.GetScu;

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
    RetrieveOptions retrieve = new RetrieveOptions();

    @Option(names = "--dir", required = true, description = "folder for the received instances")
    Path dir;

    @Override
    public Integer call() {
        return retrieve.run(spec, "get", () -> { }, (requestor, model, identifier) ->
                new GetScu(requestor, GetScu.DEFAULT_STORAGE_CLASSES).get(model, identifier, new FolderSink(dir)));
    }
}
