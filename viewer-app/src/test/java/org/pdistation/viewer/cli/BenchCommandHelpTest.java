package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code pdistation bench --help} and every benchmark's {@code --help} answer with the options each benchmark had
 * before its shared ones became mixins: the same names, parameter labels, defaults and help text.
 */
class BenchCommandHelpTest extends InProcessCli {
    /** Per benchmark: "name label default | description" of each option and parameter, sorted. */
    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("index", List.of("--pairs <pairs> 5 | timed ours/peer pairs after the warm-up (default 5)",
                    "--warmup <warmup> 1 | untimed pairs first (default 1)",
                    "--work <work> null | folder for the generated files (default: a temporary folder, deleted after)",
                    "N 0 | number of generated CT files")),
            Map.entry("read", List.of("--pairs <pairs> 5 | timed ours/peer pairs after the warm-up (default 5)",
                    "--warmup <warmup> 1 | untimed pairs first (default 1)",
                    "--work <work> null | folder for the generated files (default: a temporary folder, deleted after)",
                    "N 0 | number of generated CT files")),
            Map.entry("decode", List.of("--codec <codecs> [] | only these: jpeg-lossless, jpeg-ls, jpeg2000 (all JPEG 2000 "
                            + "lines), jpeg2000-lossy, jpeg2000-weasis-file, rle, jpeg-12bit",
                    "--pairs <pairs> 5 | timed ours/peer pairs after the warm-up (default 5)",
                    "--shared <shared> ../shared | the shared reference folder holding dicomdata, for the JPEG 2000 "
                            + "line on Weasis's own file (default ../shared)",
                    "--warmup <warmup> 1 | untimed pairs first (default 1)",
                    "--work <work> null | folder for the generated files (default: a temporary folder, deleted after)",
                    "N 0 | number of generated CT files")),
            Map.entry("window", List.of("--pairs <pairs> 5 | timed ours/peer pairs after the warm-up (default 5)",
                    "--warmup <warmup> 1 | untimed pairs first (default 1)",
                    "--work <work> null | folder for the generated files (default: a temporary folder, deleted after)")),
            Map.entry("scroll", List.of("--heap-slices <heapSlices> 2000 | slices for the -Xmx512m run, 0 to skip (default 2000)",
                    "--pairs <pairs> 5 | timed ours/peer pairs after the warm-up (default 5)",
                    "--warmup <warmup> 1 | untimed pairs first (default 1)",
                    "--work <work> null | folder for the generated files (default: a temporary folder, deleted after)",
                    "N 500 | slices (default 500)")),
            Map.entry("create", List.of("--files <files> 1000 | generated CT files (default 1000)",
                    "--pairs <pairs> 5 | timed ours/peer pairs after the warm-up (default 5)",
                    "--warmup <warmup> 1 | untimed pairs first (default 1)",
                    "--work <work> null | folder for the generated files (default: a temporary folder, deleted after)")),
            Map.entry("iso", List.of("--rounds <rounds> 3 | timed ours/peer rounds after one untimed each (default 3)",
                    "--size-mb <sizeMb> 650 | file-set size in MB (default 650)",
                    "--work <work> null | folder for the generated files and images (default: a temporary folder, deleted after)")),
            Map.entry("store", List.of("--pairs <pairs> 5 | timed ours/peer pairs after the warm-up (default 5)",
                    "--warmup <warmup> 1 | untimed pairs first (default 1)",
                    "--work <work> null | folder for the generated files (default: a temporary folder, deleted after)",
                    "N 0 | number of generated CT files")),
            Map.entry("scp", List.of("--pairs <pairs> 5 | timed ours/peer pairs after the warm-up (default 5)",
                    "--warmup <warmup> 1 | untimed pairs first (default 1)",
                    "--work <work> null | folder for the generated files (default: a temporary folder, deleted after)",
                    "N 0 | number of generated CT files")),
            Map.entry("import", List.of("--files <files> 500 | generated CT files (default 500)",
                    "--rounds <rounds> 5 | timed rounds after one warm-up (default 5)",
                    "--work <work> null | folder for the generated files (default: a temporary folder, deleted after)")),
            Map.entry("archive-receive", List.of("--pairs <pairs> 5 | timed ours/peer pairs after the warm-up (default 5)",
                    "--warmup <warmup> 1 | untimed pairs first (default 1)",
                    "--work <work> null | folder for the generated files (default: a temporary folder, deleted after)",
                    "N 0 | number of generated CT files")),
            Map.entry("archive-find", List.of("--pairs <pairs> 5 | timed ours/peer pairs after the warm-up (default 5)",
                    "--repeats <repeats> 21 | timed queries (default 21)",
                    "--warmup <warmup> 1 | untimed pairs first (default 1)",
                    "--work <work> null | folder for the generated files (default: a temporary folder, deleted after)",
                    "N 100000 | rows (default 100000)")),
            Map.entry("ui", List.of("--studies <studies> 30 | studies on the browser disc (default 30)",
                    "--work <work> null | folder for the generated files (default: a temporary folder, deleted after)",
                    "N 500 | slices (default 500)"))
    );

    @Test
    void benchHelpListsEveryBenchmark() {
        assertEquals(0, run("bench", "--help"), err.toString());
        for (String name : EXPECTED.keySet()) {
            assertTrue(out.toString().contains("\n  " + name + " "), name + " missing from\n" + out);
        }
    }

    @Test
    void everyBenchmarkHasTheSameOptionsDefaultsAndHelpText() {
        CommandLine bench = PdiStationCommand.commandLine().getSubcommands().get("bench");
        Map<String, List<String>> actual = new TreeMap<>();
        for (Map.Entry<String, CommandLine> e : bench.getSubcommands().entrySet()) {
            List<String> items = new ArrayList<>();
            e.getValue().getCommandSpec().positionalParameters().forEach(p -> items.add(describe(p)));
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (!o.usageHelp()) items.add(describe(o));
            }
            items.sort(null);
            actual.put(e.getKey(), items);
        }
        assertEquals(new TreeMap<>(EXPECTED), actual);
    }

    @Test
    void everyBenchmarksHelpPrintsItsOptionsAndRunsNothing() {
        for (Map.Entry<String, List<String>> e : EXPECTED.entrySet()) {
            out.getBuffer().setLength(0);
            assertEquals(0, run("bench", e.getKey(), "--help"), e.getKey() + ": " + err);
            String help = out.toString();
            assertTrue(help.startsWith("Usage: pdistation bench " + e.getKey() + " "), help);
            for (String item : e.getValue()) {
                String name = item.substring(0, item.indexOf(' '));
                assertTrue(help.contains(name), e.getKey() + ": " + name + " missing from\n" + help);
            }
        }
    }

    /** The option's longest name (or a parameter's label), its label, its default and its help text, rendered. */
    static String describe(ArgSpec a) {
        String name = a instanceof OptionSpec o ? o.longestName() + " " + o.paramLabel() : a.paramLabel();
        return name + " " + a.defaultValueString() + " | " + String.join(" ", a.renderedDescription());
    }
}
