package org.pdistation.creator.stage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives each instance a File ID {@code DICOM/Pnnnnnnn/Snnnnnnn/Snnnnnnn/Innnnnnn} (PS3.10 8.2: at most 8
 * components of 1–8 characters from A–Z 0–9 _). Numbers count up per parent in the order instances are offered,
 * so the same order gives the same IDs, and two different instances never share an ID. At most 9,999,999 children
 * per level; beyond that it throws rather than produce a ninth character.
 */
public final class FileIdAllocator {
    static final int MAX_PER_LEVEL = 9_999_999;

    private final Map<String, Node> patients = new HashMap<>();
    private final Set<String> instances = new HashSet<>();
    private final Counter patientCounter = new Counter();

    private static final class Counter {
        int next;

        int take() {
            if (next >= MAX_PER_LEVEL) {
                throw new IllegalStateException("more than " + MAX_PER_LEVEL + " entries in one folder of a file-set");
            }
            return ++next;
        }
    }

    private static final class Node {
        final String name;
        final Map<String, Node> children = new HashMap<>();
        final Counter counter = new Counter();

        Node(String name) {
            this.name = name;
        }
    }

    /** The File ID for an instance; keys are Patient ID, Study/Series/SOP Instance UIDs. */
    public List<String> allocate(String patientKey, String studyKey, String seriesKey, String instanceKey) {
        if (!instances.add(instanceKey)) {
            throw new IllegalArgumentException("instance " + instanceKey + " already has a File ID");
        }
        Node p = patients.computeIfAbsent(patientKey, k -> new Node(name('P', patientCounter.take())));
        Node st = p.children.computeIfAbsent(studyKey, k -> new Node(name('S', p.counter.take())));
        Node se = st.children.computeIfAbsent(seriesKey, k -> new Node(name('S', st.counter.take())));
        String leaf = name('I', se.counter.take());
        List<String> id = List.of("DICOM", p.name, st.name, se.name, leaf);
        if (!isValid(id)) {
            throw new IllegalStateException("generated File ID " + id + " is not conformant");
        }
        return id;
    }

    private static String name(char prefix, int n) {
        return prefix + String.format("%07d", n);
    }

    /** PS3.10 8.2: 1–8 components, each 1–8 characters of A–Z, 0–9 and underscore. */
    public static boolean isValid(List<String> components) {
        if (components.isEmpty() || components.size() > 8) {
            return false;
        }
        for (String c : components) {
            if (!c.matches("[A-Z0-9_]{1,8}")) {
                return false;
            }
        }
        return true;
    }
}
