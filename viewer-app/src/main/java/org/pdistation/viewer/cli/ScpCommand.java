package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.pdistation.imaging.net.AssociationThreads;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.NetOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pdistation scp --aet AET --port N --dir DIR [--allow AET,...]}: a Storage SCP until killed. */
@Command(name = "scp", mixinStandardHelpOptions = true,
        description = "Receive DICOM instances (C-STORE, C-ECHO) into a folder until stopped.")
public final class ScpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--aet", required = true, description = "our AE title")
    String aet;

    @Option(names = "--port", required = true, description = "TCP port")
    int port;

    @Option(names = "--dir", required = true, description = "folder for received files")
    Path dir;

    @Option(names = "--allow", split = ",", description = "calling AE titles allowed (default: any)")
    List<String> allow = List.of();

    @Option(names = "--bind", description = "address to listen on (default: all)")
    String bind;

    @Option(names = "--max-associations", defaultValue = "32", description = "default: ${DEFAULT-VALUE}")
    int maxAssociations;

    @Option(names = "--virtual-threads", description = "serve each association on a virtual thread instead of a "
            + "platform thread (for very many concurrent associations; costs more CPU per received byte)")
    boolean virtualThreads;

    @picocli.CommandLine.Mixin
    TlsOptions tls = new TlsOptions();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DicomServer server;
        try {
            Set<String> allowed = new LinkedHashSet<>(allow);
            DicomServer.Config config = new DicomServer.Config(aet, bind, port, allowed, maxAssociations,
                    NetOptions.DEFAULT).withThreads(virtualThreads ? AssociationThreads.VIRTUAL
                    : AssociationThreads.PLATFORM);
            server = DicomServer.start(config, new FolderSink(dir), tls.serverSocketFactory());
        } catch (IllegalArgumentException e) {
            err.println("scp: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("scp: cannot listen on port " + port + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        out.println("listening as " + aet + " on port " + server.port() + ", storing into " + dir);
        out.flush();
        stop.await();
        return 0;
    }
}
