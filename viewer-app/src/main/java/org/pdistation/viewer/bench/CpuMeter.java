package org.pdistation.viewer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU seconds (user + system) of this JVM and of a peer process, and bytes allocated by this JVM's threads: on a
 * loaded 2-core machine wall time says how busy the neighbours were, CPU time says what a side itself cost.
 */
final class CpuMeter {
    /** Linux clock ticks per second for /proc/PID/stat (USER_HZ, 100 on every mainstream kernel). */
    private static final double TICKS = 100.0;

    private final List<Double> ours = new ArrayList<>();
    private final List<Double> peer = new ArrayList<>();
    private final List<Double> allocated = new ArrayList<>();
    private final List<Double> launcher = new ArrayList<>();

    /** This JVM's CPU seconds so far, NaN where the platform does not say. */
    static double jvmSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            return t < 0 ? Double.NaN : t / 1e9;
        }
        return Double.NaN;
    }

    /** Bytes allocated so far by all live platform threads (virtual threads allocate on their carriers). */
    static long jvmAllocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            return t.getTotalThreadAllocatedBytes();
        }
        return -1;
    }

    /**
     * CPU seconds of process {@code pid} so far, its reaped children included (proc(5): utime, stime, cutime,
     * cstime, fields 14 to 17), NaN when it cannot be read.
     */
    static double processSeconds(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            // f[0] is field 3 (state), so field k is f[k - 3].
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks / TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    void ours(double seconds, long bytes) {
        ours.add(seconds);
        allocated.add((double) bytes);
    }

    void peer(double seconds) {
        peer.add(seconds);
    }

    /** This JVM's CPU seconds during a peer round: launching the client, not serving; "ours" includes it too. */
    void launcher(double seconds) {
        launcher.add(seconds);
    }

    /** {@code name ours peer ratio} of the median CPU seconds, and our allocation per file. */
    String line(String name, int files) {
        if (ours.isEmpty() || peer.isEmpty()) {
            return name + " - - -   (no CPU figures)";
        }
        double o = AlternatingRunner.median(ours);
        double p = AlternatingRunner.median(peer);
        double kib = AlternatingRunner.median(allocated) / files / 1024;
        String line = String.format("%s %.3f %.3f %.2f   (CPU seconds, median of %d; ours allocates %.0f KiB per file)",
                name, o, p, o / p, ours.size(), kib);
        if (launcher.isEmpty()) {
            return line;
        }
        // The same line with the JVM's cost of launching the client taken out of ours.
        double l = AlternatingRunner.median(launcher);
        return line + String.format("%n%s-net %.3f %.3f %.2f   (ours less %.3f s this JVM spends launching storescu)",
                name, o - l, p, (o - l) / p, l);
    }
}
