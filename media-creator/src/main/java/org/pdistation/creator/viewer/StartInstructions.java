package org.pdistation.creator.viewer;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts that tell a reader of the medium how to start the viewer on it: the per-platform start files, the
 * {@code VIEWER/README.TXT} and the root README.TXT section. Text files use CRLF line ends (Windows Notepad), the
 * shell scripts LF.
 */
final class StartInstructions {
    private StartInstructions() {}

    /** A start file in VIEWER/ that runs the build's launcher on the medium's root folder (its DICOMDIR). */
    static String startScript(PortableBuild b) {
        return switch (b.platform()) {
            case WINDOWS -> String.join("\r\n",
                    "@echo off",
                    "rem Starts the PDI Station viewer on this medium. Nothing on the medium starts by itself.",
                    "start \"\" \"%~dp0" + b.name() + "\\" + b.launcher().replace('/', '\\') + "\" view \"%~dp0..\"",
                    "");
            case LINUX, MACOS -> String.join("\n",
                    "#!/bin/sh",
                    "# Starts the PDI Station viewer on this medium (its DICOMDIR); run it yourself, e.g.",
                    "#   sh /media/$USER/<medium>/VIEWER/" + b.platform().startScript(),
                    "# Nothing on the medium starts by itself. Settings and logs go to your user folder, not here.",
                    // "--": a path that starts with '-' is not an option; "CDPATH=": cd prints nothing to capture.
                    "here=$(CDPATH= cd -- \"$(dirname -- \"$0\")\" && pwd)",
                    "medium=$(CDPATH= cd -- \"$here/..\" && pwd)",
                    "exec \"$here/" + b.name() + "/" + b.launcher() + "\" view \"$medium\" \"$@\"",
                    "");
        };
    }

    /** How to start each build, one line per platform, for both README files. */
    private static List<String> howTo(List<PortableBuild> builds, String prefix) {
        List<String> l = new ArrayList<>();
        for (PortableBuild b : builds) {
            String start = prefix + b.platform().startScript();
            l.add("  " + String.format("%-10s", b.platform().label() + ":") + switch (b.platform()) {
                case WINDOWS -> "double-click " + start.replace('/', '\\');
                case LINUX -> "open a terminal and run  sh " + start + "  (from the medium's folder)";
                case MACOS -> "open Terminal and run  sh " + start + "  (from the medium's folder)";
            });
        }
        return l;
    }

    static String viewerReadme(List<PortableBuild> builds) {
        List<String> l = new ArrayList<>();
        l.add("PDI STATION VIEWER ON THIS MEDIUM");
        l.add("");
        l.add("This folder holds a DICOM viewer that runs from the medium without installation and opens the");
        l.add("images on it (the DICOMDIR in the top folder). It does not start by itself: start it like this:");
        l.add("");
        l.addAll(howTo(builds, ""));
        l.add("");
        l.add("Folders:");
        for (PortableBuild b : builds) {
            l.add("  " + b.name() + "  " + b.platform().label() + " build; its launcher is " + b.name() + "/"
                    + b.launcher());
        }
        l.add("");
        l.add("The viewer keeps its settings, logs and database in your user folder, never on this medium.");
        l.add("It only reads the medium; it never runs anything else found on it.");
        return String.join("\r\n", l) + "\r\n";
    }

    static List<String> readmeSection(List<PortableBuild> builds) {
        List<String> l = new ArrayList<>();
        l.add("VIEWER ON THIS MEDIUM");
        l.add("The VIEWER folder holds a DICOM viewer (PDI Station) that runs from the medium without installation");
        l.add("and opens the images on it. It does not start by itself; to start it:");
        l.addAll(howTo(builds, "VIEWER/"));
        l.add("See VIEWER/README.TXT for details.");
        return l;
    }
}
