package org.pdistation.importer.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdistation.imaging.net.FindScu;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.testing.WorklistScp;

/** {@link WorklistLookup} against DCMTK wlmscpfs serving three scheduled procedures. */
class WorklistLookupTest {
    @TempDir
    static Path root;
    private static WorklistScp scp;

    @BeforeAll
    static void start() throws Exception {
        Path items = WorklistScp.itemFolder(root);
        WorklistScp.item(items, "doe", null, "P100", "Doe^Jane", "ACC100", "CT chest", "20240105");
        WorklistScp.item(items, "dole", null, "P200", "Dole^Bob", "ACC200", "CT head", "20240210");
        WorklistScp.item(items, "yamada", "\\ISO 2022 IR 87", "P300", "Yamada^Tarou=山田^太郎=やまだ^たろう",
                "ACC300", "CT abdomen", "20240301");
        scp = WorklistScp.start(root);
    }

    @AfterAll
    static void stop() throws Exception {
        if (scp != null) scp.close();
    }

    private static WorklistLookup lookup() {
        return new WorklistLookup(new FindScu(new RemoteAe(WorklistScp.AET, "127.0.0.1", scp.port), "PDISTATION",
                NetOptions.DEFAULT));
    }

    @Test
    void byIdFindsTheItemWithItsAccessionAndProcedure() throws Exception {
        List<IdentityCandidate> c = lookup().find(IdentityQuery.byId("P100", null));
        assertEquals(1, c.size(), c.toString());
        IdentityCandidate one = c.get(0);
        assertEquals("P100", one.identity().patientId());
        assertEquals("HOSP", one.identity().issuer());
        assertEquals("Doe^Jane", one.identity().name());
        assertEquals("19700102", one.identity().birthDate());
        assertEquals("F", one.identity().sex());
        assertEquals("ACC100", one.identity().accessionNumber());
        assertEquals("RPACC100", one.procedureId());
        assertEquals("CT chest", one.procedure());
        assertEquals("CT", one.modality());
        assertEquals("CT01", one.stationAet());
        assertEquals("20240105 093000", one.scheduledStart());
        assertEquals("worklist", one.source());
    }

    @Test
    void byNameWithAWildcardFindsEveryMatchForTheClerkToChoose() throws Exception {
        List<String> ids = lookup().find(IdentityQuery.byName("Do*")).stream()
                .map(c -> c.identity().patientId()).sorted().toList();
        assertEquals(List.of("P100", "P200"), ids);
    }

    @Test
    void byAccessionFindsOneItem() throws Exception {
        List<IdentityCandidate> c = lookup().find(IdentityQuery.byAccession("ACC200"));
        assertEquals(1, c.size(), c.toString());
        assertEquals("Dole^Bob", c.get(0).identity().name());
    }

    @Test
    void dateRangeLimitsTheScheduledSteps() throws Exception {
        List<IdentityCandidate> c = lookup().find(IdentityQuery.byName("*").withDateRange("20240201-20240229"));
        assertEquals(List.of("P200"), c.stream().map(x -> x.identity().patientId()).toList());
    }

    @Test
    void japaneseNameInIso2022Ir87IsDecodedThroughTheAnswersOwnCharacterSet() throws Exception {
        List<IdentityCandidate> c = lookup().find(IdentityQuery.byId("P300", null));
        assertEquals(1, c.size(), c.toString());
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", c.get(0).identity().name());
    }

    @Test
    void nonAsciiQueryNamesUtf8AsItsCharacterSet() {
        var keys = WorklistLookup.keys(IdentityQuery.byName("山田*"));
        assertEquals("ISO_IR 192", keys.getString(org.pdistation.imaging.data.Tag.SpecificCharacterSet));
        assertEquals("山田*", keys.getString(org.pdistation.imaging.data.Tag.PatientName));
        assertTrue(!WorklistLookup.keys(IdentityQuery.byName("Do*"))
                .contains(org.pdistation.imaging.data.Tag.SpecificCharacterSet));
    }
}
