package org.pdistation.viewer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetStoreTest {
    @TempDir
    Path settings;

    @Test
    void withoutASettingsFileTheDefaultsAreTheCtPresets() {
        List<WindowPreset> p = PresetStore.in(settings).load();
        assertEquals(CtPreset.values().length, p.size());
        assertEquals(new WindowPreset("preset.brain", 40, 80, "CT"), p.get(0));
        assertEquals(new WindowPreset("preset.bone", 400, 1800, "CT"), p.get(7));
    }

    @Test
    void savedPresetsLoadBackInOrderAndOtherSettingsAreKept() throws Exception {
        Path file = settings.resolve(PresetStore.FILE);
        Files.writeString(file, "language=ja\npreset.9.name=stale\n", StandardCharsets.UTF_8);
        List<WindowPreset> mine = List.of(new WindowPreset("Soft tissue", 40, 400, "CT"),
                new WindowPreset("T2 脳", 600.5, 1200, "mr"));
        PresetStore.in(settings).save(mine);
        List<WindowPreset> back = PresetStore.in(settings).load();
        assertEquals(List.of(new WindowPreset("Soft tissue", 40, 400, "CT"), new WindowPreset("T2 脳", 600.5, 1200, "MR")),
                back);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("language=ja"), text);
        assertTrue(!text.contains("stale"), text);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void aBrokenEntryIsSkippedAndTheOthersLoad() throws Exception {
        Files.writeString(settings.resolve(PresetStore.FILE), String.join("\n", "preset.count=3",
                "preset.1.name=Lung", "preset.1.centre=-600", "preset.1.width=1500", "preset.1.modality=CT",
                "preset.2.name=Bad", "preset.2.centre=abc", "preset.2.width=10", "preset.2.modality=CT",
                "preset.3.name=Zero", "preset.3.centre=0", "preset.3.width=0", "preset.3.modality=CT"));
        assertEquals(List.of(new WindowPreset("Lung", -600, 1500, "CT")), PresetStore.in(settings).load());
    }

    @Test
    void anEmptyListStaysEmpty() throws Exception {
        PresetStore.in(settings).save(List.of());
        assertEquals(List.of(), PresetStore.in(settings).load());
    }

    @Test
    void aPresetNeedsANameAndAWidthOfAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new WindowPreset(" ", 0, 10, "CT"));
        assertThrows(IllegalArgumentException.class, () -> new WindowPreset("x", 0, 0.5, "CT"));
    }
}
