package org.pdistation.viewer.cli;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pdistation}: the command line root. Exit codes: 0 success, 1 some input failed, 2 usage error.
 */
@Command(name = "pdistation",
        mixinStandardHelpOptions = true,
        versionProvider = PdiStationCommand.Version.class,
        description = "PDI Station: DICOM viewer and IHE PDI media station. Without a command, starts the station.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:some input could not be read or processed", "2:usage error"},
        subcommands = {
                DumpCommand.class,
                CreateCommand.class,
                BenchCommand.class,
                LsCommand.class,
                DicomdirCommand.class,
                VerifyMediaCommand.class,
                TranscodeCommand.class,
                RenderCommand.class,
                EchoCommand.class,
                StoreCommand.class,
                ImportCommand.class,
                ScpCommand.class,
                FindCommand.class,
                GetCommand.class,
                MoveCommand.class,
                BurnCommand.class,
                ViewCommand.class,
                ArchiveCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class PdiStationCommand implements Runnable {
    /** Exit code when some input failed but the others were processed. */
    public static final int EXIT_INPUT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /**
     * The command line as the jar runs it: case-insensitive option values, and UTF-8 output whatever the platform
     * default (DICOM values hold any script; a JSON consumer expects UTF-8, RFC 8259 8.1).
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PdiStationCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), 1 << 16), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true));
        return cl;
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PdiStationCommand.class.getPackage().getImplementationVersion();
            return new String[] {"pdistation " + (v != null ? v : "(development build)"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
