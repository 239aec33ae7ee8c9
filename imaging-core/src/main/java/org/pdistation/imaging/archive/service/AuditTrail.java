package org.pdistation.imaging.archive.service;

import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.pdistation.imaging.archive.index.ArchiveIndex;
import org.pdistation.imaging.net.AssociationObserver;
import org.pdistation.imaging.net.dimse.CommandField;

/** Writes every association to the index's audit table (no PHI) and hands a one-line summary to {@code lines}. */
public final class AuditTrail implements AssociationObserver {
    private final ArchiveIndex index;
    private final Consumer<String> lines;

    public AuditTrail(ArchiveIndex index, Consumer<String> lines) {
        this.index = index;
        this.lines = lines;
    }

    @Override
    public void ended(Summary s) {
        Map<String, Integer> sorted = new TreeMap<>();
        s.requests().forEach((CommandField f, Integer n) -> sorted.put(f.name(), n));
        String what = sorted.isEmpty() ? "-" : sorted.toString().replaceAll("[{} ]", "");
        try {
            index.audit(s.start(), s.end(), s.callingAet(), s.calledAet(), s.remoteAddress(), what, s.outcome());
        } catch (SQLException e) {
            lines.accept("audit write failed: " + e.getMessage());
        }
        lines.accept(s.end() + " " + s.callingAet() + "@" + s.remoteAddress() + " -> " + s.calledAet() + " " + what
                + " " + s.outcome());
    }
}
