package org.pdistation.viewer.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pdistation.imaging.media.Profile;

class SettingsStoreTest {
    @Test
    void savedSettingsReadBackEqualAndTheFileIsOwnerOnly(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        StationSettings s = new StationSettings("MYSTATION", 11113,
                List.of(new PacsNode("Main PACS", "PACS1", "pacs.example", 104, false),
                        new PacsNode("Remote", "PACS2", "10.0.0.2", 2762, true)),
                Path.of("/etc/pdi/key.p12"), Path.of("/etc/pdi/trust.p12"), "Hôpital 東京", Profile.STD_GEN_DVD_JPEG,
                "ja");
        store.save(s);
        assertEquals(s, store.load());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        }
    }

    @Test
    void tlsStorePasswordsAndTheWorklistTlsFlagReadBackAndTheFileStaysOwnerOnly(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        StationSettings s = StationSettings.defaults()
                .withTls(Path.of("/etc/pdi/key.p12"), "k3y=p@ss:wörd", Path.of("/etc/pdi/trust.p12"), "trust#1")
                .withWorklist(new PacsNode("Worklist", "RIS", "ris.example", 2762, true));
        store.save(s);
        StationSettings back = store.load();
        assertEquals(s, back);
        assertEquals("k3y=p@ss:wörd", back.keyStorePassword());
        assertEquals("trust#1", back.trustStorePassword());
        assertTrue(back.worklist().tls());
        assertFalse(back.toString().contains("k3y"), back.toString());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        }
    }

    @Test
    void settingsWithoutPasswordsReadBackWithEmptyOnes(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.save(StationSettings.defaults());
        assertEquals("", store.load().keyStorePassword());
        assertFalse(Files.readString(store.file()).contains("Password"));
    }

    @Test
    void theWorklistNodeReadsBack(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        StationSettings s = StationSettings.defaults().withWorklist(new PacsNode("Worklist", "RIS", "ris.example",
                1070, false));
        store.save(s);
        assertEquals(s, store.load());
        assertEquals("RIS", store.load().worklist().aet());
    }

    @Test
    void aMissingOrBrokenFileGivesTheDefaultsAndDropsInvalidNodes(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir);
        assertEquals("PDISTATION", store.load().aeTitle());
        Files.writeString(dir.resolve(SettingsStore.FILE), """
                ae.title=THIS AE TITLE IS FAR TOO LONG
                ae.port=notanumber
                pacs.count=2
                pacs.0.aet=GOOD
                pacs.0.host=h
                pacs.0.port=104
                pacs.1.aet=BAD
                pacs.1.host=
                media.profile=NO-SUCH-PROFILE
                language=xx
                """);
        StationSettings s = store.load();
        assertEquals("PDISTATION", s.aeTitle());
        assertEquals(11112, s.port());
        assertEquals(List.of(new PacsNode("GOOD", "GOOD", "h", 104, false)), s.nodes());
        assertEquals(Profile.STD_GEN_CD, s.defaultProfile());
        assertEquals("en", s.language());
        assertNull(s.keyStore());
    }
}
