package org.pdistation.viewer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.pdistation.imaging.net.EchoScu;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.net.dimse.Status;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pdistation echo AET@HOST:PORT}: DICOM C-ECHO (verification). */
@Command(name = "echo", mixinStandardHelpOptions = true, description = "Verify a DICOM peer with C-ECHO.")
public final class EchoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "AET@HOST:PORT", description = "the peer")
    String peer;

    @Option(names = "--calling-aet", defaultValue = "PDISTATION", description = "our AE title (default: ${DEFAULT-VALUE})")
    String callingAet;

    @picocli.CommandLine.Mixin
    TlsOptions tls = new TlsOptions();

    @picocli.CommandLine.Mixin
    UserOptions user = new UserOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RemoteAe target;
        try {
            target = RemoteAe.parse(peer);
            RemoteAe.checkAet(callingAet);
        } catch (IllegalArgumentException e) {
            err.println("echo: " + e.getMessage());
            return 2;
        }
        long t0 = System.nanoTime();
        try {
            Status status = EchoScu.echo(tls.socketFactory(), target, callingAet, NetOptions.DEFAULT,
                    user.identity());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            out.println("echo " + target + ": " + status + " (" + ms + " ms)");
            out.flush();
            return status.isSuccess() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("echo " + target + ": " + e.getMessage());
            return 1;
        }
    }
}
