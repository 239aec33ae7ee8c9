package org.pdistation.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.io.DicomReader;
import org.pdistation.imaging.io.DicomWriter;
import org.pdistation.imaging.io.ReadOptions;
import org.pdistation.imaging.io.TransferSyntax;
import org.pdistation.imaging.io.WriteOptions;
import org.pdistation.imaging.net.Association;
import org.pdistation.imaging.net.DicomServer;
import org.pdistation.imaging.net.DimseService;
import org.pdistation.imaging.net.FolderSink;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.TlsConfig;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.synth.SyntheticCtStudy;
import org.pdistation.viewer.settings.KeytoolPairs;

/**
 * {@code import --worklist … --tls …}: the Modality Worklist C-FIND goes over TLS with the command's options. The
 * worklist SCP is our DicomServer over TLS hosting a one-item Modality Worklist FIND (DCMTK's wlmscpfs has no TLS).
 */
class ImportWorklistTlsTest extends InProcessCli {
    private static final String PASSWORD = "worklist-tls-test";

    @TempDir
    Path dir;

    /** PS3.4 K.6.1.2: answers every worklist C-FIND with one item, keeping the keys it was asked with. */
    private static final class OneItemWorklist implements DimseService {
        final AtomicReference<Dataset> asked = new AtomicReference<>();

        @Override
        public Set<String> sopClasses() {
            return Set.of(UID.ModalityWorklistInformationModelFind);
        }

        @Override
        public void handle(Association a, Association.Command c) throws IOException {
            Dataset cmd = c.command();
            TransferSyntax ts = TransferSyntax.of(a.contexts().get(c.contextId()).transferSyntax());
            asked.set(DicomReader.readDataset(new ByteArrayInputStream(a.readData()), ts, ReadOptions.IN_MEMORY));
            Dataset item = new Dataset();
            item.setString(Tag.PatientID, VR.LO, "P900");
            item.setString(Tag.PatientName, VR.PN, "Secure^Sam");
            item.setString(Tag.AccessionNumber, VR.SH, "ACC900");
            item.setString(Tag.RequestedProcedureID, VR.SH, "RP900");
            item.setString(Tag.RequestedProcedureDescription, VR.LO, "CT chest");
            Dataset step = item.newSequence(Tag.ScheduledProcedureStepSequence, 1).addItem();
            step.setString(Tag.Modality, VR.CS, "CT");
            step.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, "20240105");
            Dataset rsp = Commands.response(cmd, Status.PENDING);
            rsp.setInt(Tag.CommandDataSetType, VR.US, Commands.DATA_SET_PRESENT);
            a.sendCommand(c.contextId(), rsp);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DicomWriter.writeDataset(bytes, item, ts, WriteOptions.DEFAULT);
            a.sendData(c.contextId(), bytes.toByteArray());
            a.sendCommand(c.contextId(), Commands.response(cmd, Status.SUCCESS));
        }
    }

    @Test
    void theWorklistCFindGoesOverTlsWithTheCommandsOptions() throws Exception {
        KeytoolPairs pairs = new KeytoolPairs(dir, PASSWORD);
        Path server = pairs.keyPair("ris");
        Path client = pairs.keyPair("station");
        Path medium = dir.resolve("medium");
        new SyntheticCtStudy(16, 2, 41).write(medium, 1);
        TlsConfig tls = new TlsConfig(server, PASSWORD.toCharArray(), pairs.trustStore(), PASSWORD.toCharArray(),
                TlsConfig.DEFAULT_PROTOCOLS, true);
        OneItemWorklist worklist = new OneItemWorklist();
        try (DicomServer s = DicomServer.start(new DicomServer.Config("RIS", "127.0.0.1", 0, Set.of(), 2,
                NetOptions.DEFAULT), new FolderSink(dir.resolve("in")), tls.serverSocketFactory(),
                List.of(worklist), org.pdistation.imaging.net.AssociationObserver.NONE)) {
            String ris = "RIS@localhost:" + s.port();
            int rc = run("import", "--dry-run", "--worklist", ris, "--match", "accession", "--match-value", "ACC900",
                    "--tls", "--tls-keystore", client.toString(), "--tls-keystore-pass", PASSWORD,
                    "--tls-truststore", pairs.trustStore().toString(), "--tls-truststore-pass", PASSWORD,
                    medium.toString());
            assertEquals(0, rc, out + "" + err);
            assertTrue(out.toString().contains("1 candidate(s)") && out.toString().contains("P900"), out.toString());
            assertEquals("ACC900", worklist.asked.get().getString(Tag.AccessionNumber));

            // Without --tls the same lookup cannot reach the TLS-only worklist.
            assertNotEquals(0, run("import", "--dry-run", "--worklist", ris, "--match", "accession",
                    "--match-value", "ACC900", medium.toString()));
        }
    }
}
