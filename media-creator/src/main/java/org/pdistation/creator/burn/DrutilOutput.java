package org.pdistation.creator.burn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses macOS {@code drutil list}, {@code drutil status} and {@code hdiutil burn -puppetstrings} output
 * (drutil(1), hdiutil(1)). Written from the manual pages; tolerant of spacing and unknown lines.
 */
final class DrutilOutput {
    private static final Pattern DRIVE_ROW = Pattern.compile("^\\s*(\\d+)\\s+\\S.*$");
    private static final Pattern TYPE = Pattern.compile("^\\s*Type:\\s*(.*?)(?:\\s{2,}Name:\\s*(\\S+))?\\s*$");
    private static final Pattern WRITABILITY = Pattern.compile("^\\s*Writability:\\s*(.*?)\\s*$");
    /** "Space Free:  510:03:71         blocks:  2295104 /   4.70GB /   4.38GiB". */
    private static final Pattern SPACE_FREE = Pattern.compile("^\\s*Space Free:.*?blocks:\\s*(\\d+)\\b.*$");
    private static final Pattern PERCENT = Pattern.compile("^\\s*PERCENT:\\s*(-?[0-9.]+)\\s*$");
    private static final Pattern MESSAGE = Pattern.compile("^\\s*MESSAGE:\\s*(.*?)\\s*$");

    private DrutilOutput() {
    }

    /**
     * The drives of {@code drutil list}: a header row naming the columns (Vendor, Product, Rev, Bus, SupportLevel)
     * and one numbered row per drive, in fixed-width columns aligned with the header.
     */
    static List<Drive> parseList(List<String> lines) {
        List<Drive> drives = new ArrayList<>();
        int vendorAt = -1;
        int productAt = -1;
        int revAt = -1;
        for (String line : lines) {
            if (vendorAt < 0) {
                if (line.contains("Vendor") && line.contains("Product")) {
                    vendorAt = line.indexOf("Vendor");
                    productAt = line.indexOf("Product");
                    revAt = line.indexOf("Rev");
                }
                continue;
            }
            Matcher m = DRIVE_ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String vendor = column(line, vendorAt, productAt);
            String product = column(line, productAt, revAt > productAt ? revAt : line.length());
            drives.add(new Drive(m.group(1), vendor, product, ""));
        }
        return drives;
    }

    private static String column(String line, int from, int to) {
        if (from < 0 || from >= line.length()) {
            return "";
        }
        return line.substring(from, Math.min(Math.max(to, from), line.length())).strip();
    }

    /** The medium of {@code drutil -drive N status}. */
    static MediaStatus parseStatus(List<String> lines) {
        String type = "";
        String writability = null;
        long freeBlocks = -1;
        for (String line : lines) {
            Matcher m;
            if ((m = TYPE.matcher(line)).matches()) {
                type = m.group(1).strip();
            } else if ((m = WRITABILITY.matcher(line)).matches()) {
                writability = m.group(1).toLowerCase(Locale.ROOT);
            } else if ((m = SPACE_FREE.matcher(line)).matches()) {
                freeBlocks = Long.parseLong(m.group(1));
            }
        }
        if (type.isEmpty() || type.toLowerCase(Locale.ROOT).startsWith("no media")) {
            return MediaStatus.NO_MEDIUM;
        }
        MediaState state;
        if (writability == null) {
            state = MediaState.CLOSED;
        } else if (writability.contains("blank")) {
            state = MediaState.BLANK;
        } else if (writability.contains("appendable")) {
            state = MediaState.APPENDABLE;
        } else {
            state = MediaState.CLOSED;
        }
        long free = state == MediaState.CLOSED ? 0 : freeBlocks;
        return new MediaStatus(state, free < 0 ? -1 : free * XorrisoOutput.BLOCK, type);
    }

    /**
     * A line of {@code hdiutil burn -puppetstrings}: "PERCENT:n" (n in 0–100, or -1 while indeterminate) and
     * "MESSAGE:text" naming the stage. {@code phase} holds the current stage across lines.
     */
    static Optional<BurnProgress> parseProgress(String line, long imageBytes, BurnPhase[] phase) {
        Matcher m = MESSAGE.matcher(line);
        if (m.matches()) {
            String msg = m.group(1).toLowerCase(Locale.ROOT);
            if (msg.contains("verif")) {
                phase[0] = BurnPhase.VERIFYING;
            } else if (msg.contains("finish") || msg.contains("clos")) {
                phase[0] = BurnPhase.FINISHING;
            } else if (msg.contains("writ") || msg.contains("burn")) {
                phase[0] = BurnPhase.WRITING;
            } else if (msg.contains("prepar") || msg.contains("open")) {
                phase[0] = BurnPhase.PREPARING;
            }
            return Optional.empty();
        }
        m = PERCENT.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        double percent;
        try {
            percent = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (percent < 0) {
            return Optional.empty();
        }
        long done = (long) (imageBytes * Math.min(percent, 100.0) / 100.0);
        return Optional.of(new BurnProgress(done, imageBytes, phase[0]));
    }

    /** The "IOService:…" device paths of {@code hdiutil burn -list}, in order. */
    static List<String> parseBurnDevices(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> l.startsWith("IOService:")).toList();
    }
}
