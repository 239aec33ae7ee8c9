package org.pdistation.creator.burn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what xorriso prints (xorriso(1), "Drive and media related inquiry actions"; xorrecord(1) for the cdrecord
 * emulation). The messages are plain text meant for people, so every parser tolerates extra spacing and unknown
 * lines.
 */
final class XorrisoOutput {
    /** "0  -dev '/dev/sr0' rwrw-- :  'HL-DT-ST' 'BDDVDRW GGC-H20L'" (the closing quote may be cut off). */
    private static final Pattern DEVICE = Pattern.compile(
            "^\\s*(\\d+)\\s+-dev\\s+'([^']+)'\\s+(\\S+)\\s*:\\s*'([^']*)'?\\s*(?:'([^']*)'?)?.*$");
    private static final Pattern MEDIA_CURRENT = Pattern.compile("^Media current:\\s*(.*?)\\s*$");
    private static final Pattern MEDIA_STATUS = Pattern.compile("^Media status\\s*:\\s*(.*?)\\s*$");
    /** "Media space  : 40991962s": free 2048-byte blocks (-tell_media_space). */
    private static final Pattern MEDIA_SPACE = Pattern.compile("^Media space\\s*:\\s*(\\d+)s\\s*$");
    /** "Media blocks : 0 readable , 40991994 writable , 40991994 overall" (-toc). */
    private static final Pattern MEDIA_BLOCKS = Pattern.compile(
            "^Media blocks\\s*:\\s*(\\d+)\\s+readable\\s*,\\s*(\\d+)\\s+writable.*$");
    /** "xorriso : UPDATE :   91 of  146 MB written (fifo 99%) [buf  50%]  52.7x." (xorrecord -v). */
    private static final Pattern UPDATE = Pattern.compile("UPDATE\\s*:\\s*(\\d+)\\s+of\\s+(\\d+)\\s+MB written");
    /** cdrecord style: "Track 01:   91 of  146 MB written". */
    private static final Pattern TRACK = Pattern.compile("^Track\\s+\\d+\\s*:\\s*(\\d+)\\s+of\\s+(\\d+)\\s+MB written");
    /** "Writing to 'stdio:/tmp/disc.img' completed successfully." */
    private static final Pattern COMPLETED = Pattern.compile("^Writing to '.*' completed successfully\\.?\\s*$");
    /** Messages of severity FAILURE and above: "xorriso : FAILURE : …", "libburn : SORRY : …". */
    private static final Pattern PROBLEM = Pattern.compile(
            "^\\s*(?:xorriso|libburn|libisofs|libisoburn)\\s*:\\s*(SORRY|FAILURE|FATAL|ABORT)\\s*:\\s*(.*)$");

    static final long BLOCK = 2048;

    private XorrisoOutput() {
    }

    /** The drives of a {@code -devices} listing, in order. */
    static List<Drive> parseDevices(List<String> lines) {
        List<Drive> drives = new ArrayList<>();
        for (String line : lines) {
            Matcher m = DEVICE.matcher(line);
            if (m.matches()) {
                drives.add(new Drive(m.group(2), m.group(4), m.group(5) == null ? "" : m.group(5), m.group(2)));
            }
        }
        return drives;
    }

    /** Whether a {@code -devices} run that failed did so only because there is no drive. */
    static boolean saysNoDrives(List<String> lines) {
        return lines.stream().anyMatch(l -> l.contains("No drives found"));
    }

    /** The medium from {@code -toc} and {@code -tell_media_space} output. */
    static MediaStatus parseMediaStatus(List<String> lines) {
        String current = "";
        String status = null;
        long freeBlocks = -1;
        long writableBlocks = -1;
        for (String line : lines) {
            Matcher m;
            if ((m = MEDIA_CURRENT.matcher(line)).matches()) {
                current = m.group(1);
            } else if ((m = MEDIA_STATUS.matcher(line)).matches()) {
                status = m.group(1).toLowerCase(Locale.ROOT);
            } else if ((m = MEDIA_SPACE.matcher(line)).matches()) {
                freeBlocks = Long.parseLong(m.group(1));
            } else if ((m = MEDIA_BLOCKS.matcher(line)).matches()) {
                writableBlocks = Long.parseLong(m.group(2));
            }
        }
        if (status == null) {
            return MediaStatus.NO_MEDIUM;
        }
        MediaState state;
        if (status.contains("not present") || status.contains("unsuitable") || status.contains("not recognizable")) {
            return new MediaStatus(MediaState.NONE, -1, mediaType(current));
        } else if (status.contains("is blank")) {
            state = MediaState.BLANK;
        } else if (status.contains("appendable")) {
            state = MediaState.APPENDABLE;
        } else {
            // "is written , is closed", or anything else that is neither blank nor appendable
            state = MediaState.CLOSED;
        }
        long free = freeBlocks >= 0 ? freeBlocks : writableBlocks;
        if (state == MediaState.CLOSED) {
            free = 0;
        }
        return new MediaStatus(state, free < 0 ? -1 : free * BLOCK, mediaType(current));
    }

    /** "DVD+RW" from "DVD+RW", "stdio file" from "stdio file, overwriteable"; "" for "is not present". */
    private static String mediaType(String current) {
        if (current.startsWith("is ")) {
            return "";
        }
        int comma = current.indexOf(',');
        return (comma < 0 ? current : current.substring(0, comma)).strip();
    }

    /** The progress in a line of burn output, if it is a progress line. */
    static Optional<BurnProgress> parseProgress(String line, long imageBytes) {
        Matcher m = UPDATE.matcher(line);
        if (!m.find()) {
            m = TRACK.matcher(line.strip());
            if (!m.find()) {
                return Optional.empty();
            }
        }
        long doneMb = Long.parseLong(m.group(1));
        long totalMb = Long.parseLong(m.group(2));
        // xorrecord counts MiB of the track (which may hold padding): scale to the image's own size
        long done = totalMb == 0 ? 0 : Math.min(imageBytes, imageBytes * doneMb / totalMb);
        return Optional.of(new BurnProgress(done, imageBytes, BurnPhase.WRITING));
    }

    /** Whether the burn output holds xorriso's own success line. */
    static boolean saysCompleted(List<String> lines) {
        return lines.stream().anyMatch(l -> COMPLETED.matcher(l.strip()).matches());
    }

    /** The tool's problem messages (SORRY and worse), joined; "" when there are none. */
    static String problems(List<String> lines) {
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PROBLEM.matcher(line);
            if (m.matches() && !m.group(2).startsWith("-abort_on") && !m.group(2).startsWith("Tolerated")) {
                problems.add(m.group(2).strip());
            }
        }
        return String.join("; ", problems);
    }
}
