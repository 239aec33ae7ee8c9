package org.pdistation.viewer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads grouped by role (FX application thread, Prism's renderer, our render and
 * decode threads), between two snapshots: what a frame costs each thread whatever else loads the machine.
 */
final class ThreadCpu {
    /** Thread roles, by the name prefixes the threads are given. */
    enum Role {
        FX_THREAD("JavaFX Application Thread"), PRISM_RENDER("QuantumRenderer"), RENDER("pdistation-render"),
        DECODE("pdistation-prefetch"), OTHER("");

        final String prefix;

        Role(String prefix) { this.prefix = prefix; }

        static Role of(String name) {
            for (Role r : values()) if (!r.prefix.isEmpty() && name.startsWith(r.prefix)) return r;
            return OTHER;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();

    /** Takes the starting snapshot. */
    ThreadCpu() {
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) THREADS.setThreadCpuTimeEnabled(true);
        for (long id : THREADS.getAllThreadIds()) start.put(id, THREADS.getThreadCpuTime(id));
    }

    /** CPU ms per role since the snapshot (threads started since count from zero). */
    Map<Role, Double> since() {
        Map<Role, Double> ms = new LinkedHashMap<>();
        for (Role r : Role.values()) ms.put(r, 0.0);
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) continue;
            long now = THREADS.getThreadCpuTime(t.getThreadId());
            if (now < 0) continue;
            long before = start.getOrDefault(t.getThreadId(), 0L);
            ms.merge(Role.of(t.getThreadName()), (now - before) / 1e6, Double::sum);
        }
        return ms;
    }

    /** The JVM's whole process CPU time in ms, or NaN where the platform does not say. */
    static double processCpuMs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            return t < 0 ? Double.NaN : t / 1e6;
        }
        return Double.NaN;
    }
}
