package org.pdistation.creator.burn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the TAB-separated records that {@code imapi2-burn.ps1} prints (see the script's header). The numbers are
 * IMAPI2's own enumerations (Windows SDK imapi2.h): IMAPI_FORMAT2_DATA_MEDIA_STATE, IMAPI_MEDIA_PHYSICAL_TYPE and
 * IMAPI_FORMAT2_DATA_WRITE_ACTION.
 */
final class ImapiOutput {
    // IMAPI_FORMAT2_DATA_MEDIA_STATE bits
    static final int STATE_BLANK = 0x2;
    static final int STATE_APPENDABLE = 0x4;
    static final int STATE_FINAL_SESSION = 0x8;
    static final int STATE_DAMAGED = 0x400;
    static final int STATE_ERASE_REQUIRED = 0x800;
    static final int STATE_UNSUPPORTED_MEDIA = 0x8000;
    static final int STATE_WRITE_PROTECTED = 0x2000;
    static final int STATE_FINALIZED = 0x4000;

    /** IMAPI_MEDIA_PHYSICAL_TYPE, by value 0–19. */
    private static final List<String> PHYSICAL_TYPES = List.of("unknown", "CD-ROM", "CD-R", "CD-RW", "DVD-ROM",
            "DVD-RAM", "DVD+R", "DVD+RW", "DVD+R DL", "DVD-R", "DVD-RW", "DVD-R DL", "disk", "DVD+RW DL", "HD DVD-ROM",
            "HD DVD-R", "HD DVD-RAM", "BD-ROM", "BD-R", "BD-RE");

    // IMAPI_FORMAT2_DATA_WRITE_ACTION
    private static final int ACTION_WRITING_DATA = 4;
    private static final int ACTION_FINALIZATION = 5;
    private static final int ACTION_COMPLETED = 6;
    private static final int ACTION_VERIFYING = 7;

    private ImapiOutput() {
    }

    private static String[] fields(String line) {
        return line.split("\t", -1);
    }

    static List<Drive> parseDrives(List<String> lines) {
        List<Drive> drives = new ArrayList<>();
        for (String line : lines) {
            String[] f = fields(line);
            if (f.length >= 4 && f[0].equals("DRIVE") && !f[1].isBlank()) {
                drives.add(new Drive(f[1], f[2], f[3], f.length > 4 ? f[4] : ""));
            }
        }
        return drives;
    }

    static Optional<MediaStatus> parseMedia(List<String> lines) {
        for (String line : lines) {
            String[] f = fields(line);
            if (f.length >= 5 && f[0].equals("MEDIA")) {
                try {
                    int bits = Integer.parseInt(f[1].strip());
                    int type = Integer.parseInt(f[2].strip());
                    long freeSectors = Long.parseLong(f[3].strip());
                    boolean supported = "1".equals(f[4].strip());
                    return Optional.of(mediaStatus(bits, type, freeSectors, supported));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    static MediaStatus mediaStatus(int bits, int physicalType, long freeSectors, boolean supported) {
        String type = physicalType >= 0 && physicalType < PHYSICAL_TYPES.size() ? PHYSICAL_TYPES.get(physicalType)
                : "type " + physicalType;
        if (!supported || physicalType == 0 || (bits & STATE_UNSUPPORTED_MEDIA) != 0) {
            return new MediaStatus(MediaState.NONE, -1, physicalType == 0 ? "" : type);
        }
        MediaState state;
        // the "unsupported" bits other than UNSUPPORTED_MEDIA say the medium takes no new data without erasing
        if ((bits & (STATE_FINALIZED | STATE_WRITE_PROTECTED | STATE_FINAL_SESSION | STATE_DAMAGED
                | STATE_ERASE_REQUIRED)) != 0) {
            state = MediaState.CLOSED;
        } else if ((bits & STATE_BLANK) != 0) {
            state = MediaState.BLANK;
        } else if ((bits & STATE_APPENDABLE) != 0) {
            state = MediaState.APPENDABLE;
        } else {
            state = MediaState.CLOSED;
        }
        long free = state == MediaState.CLOSED ? 0 : freeSectors;
        return new MediaStatus(state, free < 0 ? -1 : free * XorrisoOutput.BLOCK, type);
    }

    static Optional<BurnProgress> parseProgress(String line, long imageBytes) {
        String[] f = fields(line);
        if (f.length < 4 || !f[0].equals("PROGRESS")) {
            return Optional.empty();
        }
        try {
            int action = Integer.parseInt(f[1].strip());
            long written = Long.parseLong(f[2].strip());
            long total = Long.parseLong(f[3].strip());
            BurnPhase phase = switch (action) {
                case ACTION_WRITING_DATA -> BurnPhase.WRITING;
                case ACTION_FINALIZATION, ACTION_COMPLETED -> BurnPhase.FINISHING;
                case ACTION_VERIFYING -> BurnPhase.VERIFYING;
                default -> BurnPhase.PREPARING;
            };
            long done = action == ACTION_COMPLETED || action == ACTION_FINALIZATION ? imageBytes
                    : total <= 0 ? 0 : Math.min(imageBytes, imageBytes * Math.max(0, written) / total);
            return Optional.of(new BurnProgress(done, imageBytes, phase));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "message (HRESULT 0x…)" of the ERROR record, if there is one. */
    static Optional<String> error(List<String> lines) {
        for (String line : lines) {
            String[] f = fields(line);
            if (f.length >= 3 && f[0].equals("ERROR")) {
                return Optional.of(f[2].strip() + " (HRESULT " + f[1].strip() + ")");
            }
        }
        return Optional.empty();
    }

    static boolean done(List<String> lines) {
        return lines.stream().anyMatch(l -> l.strip().equals("DONE"));
    }
}
