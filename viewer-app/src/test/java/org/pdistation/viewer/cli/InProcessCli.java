package org.pdistation.viewer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.viewer.AppHome;

import picocli.CommandLine;

/**
 * What command-line tests share: a user data folder of their own ({@link AppHome#PROPERTY}), and {@code pdistation}
 * run in process, configured as {@code Main} configures it, with what it prints collected in {@link #out} and
 * {@link #err} (across the runs of one test).
 */
abstract class InProcessCli {
    @TempDir
    Path home;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void isolateHome() {
        System.setProperty(AppHome.PROPERTY, home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.clearProperty(AppHome.PROPERTY);
    }

    int run(String... args) {
        CommandLine cl = PdiStationCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** As {@link #run}, with {@link #out} and {@link #err} holding only what this run prints. */
    int runAlone(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return run(args);
    }
}
