package org.pdistation.imaging.archive.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pdistation.imaging.archive.Archive;
import org.pdistation.imaging.archive.index.FindQuery;
import org.pdistation.imaging.archive.index.StoredInstance;
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
import org.pdistation.imaging.net.DimseService;
import org.pdistation.imaging.net.NetOptions;
import org.pdistation.imaging.net.PresentationContext;
import org.pdistation.imaging.net.QueryLevel;
import org.pdistation.imaging.net.RemoteAe;
import org.pdistation.imaging.net.StoreResult;
import org.pdistation.imaging.net.StoreScu;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;

/**
 * Query/Retrieve SCP over the archive index (PS3.4 Annex C): FIND, MOVE and GET of the Patient Root and Study Root
 * information models, at PATIENT/STUDY/SERIES/IMAGE level (hierarchical, PS3.4 C.4.1.3.1).
 */
public final class QueryRetrieveService implements DimseService {
    /** PS3.7 C.5.x: Refused: Not Authorized. */
    static final Status NOT_AUTHORIZED = new Status(0x0124);
    /** PS3.4 C.4.1.1.4 / C.4.2.1.5: Identifier does not match SOP Class. */
    static final Status IDENTIFIER_MISMATCH = new Status(0xA900);
    /** PS3.4 C.4.2.1.5: Refused: Move Destination unknown. */
    static final Status MOVE_DESTINATION_UNKNOWN = new Status(0xA801);
    /** PS3.4 C.4.2.1.5: Sub-operations complete, one or more failures or warnings. */
    static final Status SUBOPS_WITH_FAILURES = new Status(0xB000);
    /** PS3.4 C.4.2.1.5: Refused: out of resources, unable to perform sub-operations. */
    static final Status UNABLE_TO_PERFORM_SUBOPS = new Status(0xA702);

    private static final Set<String> FIND = Set.of(UID.PatientRootQueryRetrieveInformationModelFind,
            UID.StudyRootQueryRetrieveInformationModelFind);
    private static final Set<String> MOVE = Set.of(UID.PatientRootQueryRetrieveInformationModelMove,
            UID.StudyRootQueryRetrieveInformationModelMove);
    private static final Set<String> GET = Set.of(UID.PatientRootQueryRetrieveInformationModelGet,
            UID.StudyRootQueryRetrieveInformationModelGet);
    private static final Set<String> STUDY_ROOT = Set.of(UID.StudyRootQueryRetrieveInformationModelFind,
            UID.StudyRootQueryRetrieveInformationModelMove, UID.StudyRootQueryRetrieveInformationModelGet);

    private final Archive archive;
    private final AccessPolicy access;
    private final NetOptions options;

    public QueryRetrieveService(Archive archive, AccessPolicy access, NetOptions options) {
        this.archive = archive;
        this.access = access;
        this.options = options;
    }

    @Override
    public Set<String> sopClasses() {
        Set<String> all = new java.util.HashSet<>(FIND);
        all.addAll(MOVE);
        all.addAll(GET);
        return all;
    }

    @Override
    public void handle(Association a, Association.Command c) throws IOException {
        Dataset cmd = c.command();
        PresentationContext pc = a.contexts().get(c.contextId());
        CommandField field = Commands.field(cmd);
        Dataset keys = Commands.hasDataSet(cmd) ? DicomReader.readDataset(new ByteArrayInputStream(a.readData()),
                TransferSyntax.of(pc.transferSyntax()), ReadOptions.IN_MEMORY) : null;
        String sopClass = pc.abstractSyntax();
        boolean known = (field == CommandField.C_FIND_RQ && FIND.contains(sopClass))
                || (field == CommandField.C_MOVE_RQ && MOVE.contains(sopClass))
                || (field == CommandField.C_GET_RQ && GET.contains(sopClass));
        if (!known) {
            a.sendCommand(c.contextId(), Commands.response(cmd, Status.UNRECOGNIZED_OPERATION));
            return;
        }
        if (!access.mayQuery(a.callingAet())) {
            a.sendCommand(c.contextId(), failure(cmd, NOT_AUTHORIZED, "calling AE not allowed to query/retrieve"));
            return;
        }
        QueryLevel level = level(keys, STUDY_ROOT.contains(sopClass));
        if (level == null) {
            a.sendCommand(c.contextId(), failure(cmd, IDENTIFIER_MISMATCH, "missing or invalid Query/Retrieve Level"));
            return;
        }
        FindQuery q = new FindQuery(level, keys, a.calledAet());
        try {
            switch (field) {
                case C_FIND_RQ -> find(a, c, q);
                case C_MOVE_RQ -> move(a, c, q);
                default -> get(a, c, q);
            }
        } catch (SQLException e) {
            a.sendCommand(c.contextId(), failure(cmd, new Status(0xC001), "archive index: " + e.getMessage()));
        }
    }

    /** PS3.4 C.6.2.1: Study Root has no PATIENT level. */
    private static QueryLevel level(Dataset keys, boolean studyRoot) {
        if (keys == null) {
            return null;
        }
        String s = keys.getString(Tag.QueryRetrieveLevel);
        try {
            QueryLevel l = s == null ? null : QueryLevel.valueOf(s.strip());
            return studyRoot && l == QueryLevel.PATIENT ? null : l;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void find(Association a, Association.Command c, FindQuery q) throws IOException, SQLException {
        List<Dataset> matches = new ArrayList<>();
        // Collected first so that the index is not held while a slow peer reads.
        archive.index().withConnection(conn -> q.run(conn, matches::add));
        Dataset cmd = c.command();
        int id = cmd.getInt(Tag.MessageID, 0);
        String ts = a.contexts().get(c.contextId()).transferSyntax();
        for (Dataset m : matches) {
            if (cancelled(a, id)) {
                a.sendCommand(c.contextId(), Commands.response(cmd, Status.CANCEL));
                return;
            }
            Dataset rsp = Commands.response(cmd, Status.PENDING);
            rsp.setInt(Tag.CommandDataSetType, VR.US, Commands.DATA_SET_PRESENT);
            a.sendCommand(c.contextId(), rsp);
            a.sendData(c.contextId(), encode(m, ts));
        }
        a.sendCommand(c.contextId(), Commands.response(cmd, Status.SUCCESS));
    }

    /** PS3.7 9.3.2.3: a C-CANCEL-RQ for this message between our responses ends the operation. */
    private static boolean cancelled(Association a, int messageId) throws IOException {
        while (a.isOpen() && a.hasIncoming()) {
            Association.Command next = a.readCommand();
            if (next == null) {
                throw new IOException("peer released the association during an operation");
            }
            if (Commands.field(next.command()) == CommandField.C_CANCEL_RQ
                    && next.command().getInt(Tag.MessageIDBeingRespondedTo, -1) == messageId) {
                return true;
            }
        }
        return false;
    }

    private void move(Association a, Association.Command c, FindQuery q) throws IOException, SQLException {
        Dataset cmd = c.command();
        RemoteAe dest = access.destination(cmd.getString(Tag.MoveDestination));
        if (dest == null) {
            a.sendCommand(c.contextId(), failure(cmd, MOVE_DESTINATION_UNKNOWN,
                    "move destination not in the AE table"));
            return;
        }
        List<StoredInstance> todo = archive.index().instances(q.where(), q.args());
        List<Path> files = new ArrayList<>();
        for (StoredInstance i : todo) {
            files.add(archive.store().resolve(i.path()));
        }
        Counts n = new Counts(todo.size());
        StoreScu scu = new StoreScu(dest, a.calledAet(), options);
        try {
            scu.store(files, 1, r -> {
                n.add(r);
                try {
                    if (n.remaining() > 0) {
                        a.sendCommand(c.contextId(), n.put(Commands.response(cmd, Status.PENDING), false));
                    }
                } catch (IOException e) {
                    // The final response will fail the same way and end the association.
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during C-MOVE", e);
        }
        finish(a, c, n);
    }

    private void get(Association a, Association.Command c, FindQuery q) throws IOException, SQLException {
        Dataset cmd = c.command();
        int id = cmd.getInt(Tag.MessageID, 0);
        List<StoredInstance> todo = archive.index().instances(q.where(), q.args());
        Counts n = new Counts(todo.size());
        boolean cancel = false;
        for (StoredInstance i : todo) {
            if (cancel || cancelled(a, id)) {
                cancel = true;
                break;
            }
            PresentationContext pc = a.findContext(i.sopClass(), i.transferSyntax());
            byte[] recoded = null;
            if (pc == null && isUncompressed(i.transferSyntax())) {
                // Implicit <-> Explicit VR Little Endian: re-encode the parsed data set in the accepted syntax.
                pc = uncompressedContext(a, i.sopClass());
                if (pc != null) {
                    Dataset ds = DicomReader.read(archive.store().resolve(i.path()), ReadOptions.IN_MEMORY).dataset();
                    recoded = encode(ds, pc.transferSyntax());
                }
            }
            if (pc == null) {
                // The SCU offered no context for this class in the stored syntax; we do not transcode here.
                n.failedUids.add(i.sopUid());
                n.failed++;
            } else {
                int sub = a.nextMessageId();
                a.sendCommand(pc.id(), Commands.storeRq(sub, i.sopClass(), i.sopUid(), 0));
                if (recoded != null) {
                    a.sendData(pc.id(), recoded);
                } else {
                    try (FileChannel ch = FileChannel.open(archive.store().resolve(i.path()),
                            StandardOpenOption.READ)) {
                        a.sendData(pc.id(), ch, i.datasetOffset(), ch.size() - i.datasetOffset());
                    }
                }
                while (true) {
                    Association.Command r = a.readCommand();
                    if (r == null) {
                        throw new IOException("peer released the association during C-GET");
                    }
                    CommandField f = Commands.field(r.command());
                    if (f == CommandField.C_CANCEL_RQ) {
                        cancel = true;
                        continue;
                    }
                    if (f == CommandField.C_STORE_RSP
                            && r.command().getInt(Tag.MessageIDBeingRespondedTo, -1) == sub) {
                        Status s = Commands.status(r.command());
                        if (s.isSuccess()) {
                            n.completed++;
                        } else if (s.isWarning()) {
                            n.warning++;
                        } else {
                            n.failed++;
                            n.failedUids.add(i.sopUid());
                        }
                        break;
                    }
                    throw new IOException("expected C-STORE-RSP to " + sub + " during C-GET, got command "
                            + Integer.toHexString(r.command().getInt(Tag.CommandField, -1)));
                }
            }
            if (n.remaining() > 0) {
                a.sendCommand(c.contextId(), n.put(Commands.response(cmd, Status.PENDING), false));
            }
        }
        if (cancel) {
            a.sendCommand(c.contextId(), n.put(Commands.response(cmd, Status.CANCEL), true));
            return;
        }
        finish(a, c, n);
    }

    private static boolean isUncompressed(String ts) {
        return UID.ExplicitVRLittleEndian.equals(ts) || UID.ImplicitVRLittleEndian.equals(ts);
    }

    private static PresentationContext uncompressedContext(Association a, String sopClass) {
        PresentationContext pc = a.findContext(sopClass, UID.ExplicitVRLittleEndian);
        return pc != null ? pc : a.findContext(sopClass, UID.ImplicitVRLittleEndian);
    }

    private static void finish(Association a, Association.Command c, Counts n) throws IOException {
        Dataset cmd = c.command();
        Status status = n.failed + n.warning == 0 ? Status.SUCCESS
                : n.completed + n.warning == 0 ? UNABLE_TO_PERFORM_SUBOPS : SUBOPS_WITH_FAILURES;
        Dataset rsp = n.put(Commands.response(cmd, status), false);
        if (n.failedUids.isEmpty()) {
            a.sendCommand(c.contextId(), rsp);
            return;
        }
        // PS3.4 C.4.2.1.5: the final response lists the failed instances in its identifier.
        rsp.setInt(Tag.CommandDataSetType, VR.US, Commands.DATA_SET_PRESENT);
        Dataset id = new Dataset();
        id.setString(Tag.FailedSOPInstanceUIDList, VR.UI, n.failedUids.toArray(String[]::new));
        a.sendCommand(c.contextId(), rsp);
        a.sendData(c.contextId(), encode(id, a.contexts().get(c.contextId()).transferSyntax()));
    }

    /** Sub-operation counts (PS3.4 C.4.2.1.5, C.4.3.1.5). */
    private static final class Counts {
        final int total;
        int completed;
        int failed;
        int warning;
        final List<String> failedUids = new ArrayList<>();

        Counts(int total) {
            this.total = total;
        }

        synchronized void add(StoreResult r) {
            switch (r.outcome()) {
                case STORED -> completed++;
                case WARNING -> warning++;
                default -> {
                    failed++;
                    if (r.sopInstanceUid() != null) {
                        failedUids.add(r.sopInstanceUid());
                    }
                }
            }
        }

        int remaining() {
            return total - completed - failed - warning;
        }

        Dataset put(Dataset rsp, boolean withRemaining) {
            if (rsp.getInt(Tag.Status, 0) == Status.PENDING.code() || withRemaining) {
                rsp.setInt(Tag.NumberOfRemainingSuboperations, VR.US, remaining());
            }
            rsp.setInt(Tag.NumberOfCompletedSuboperations, VR.US, completed);
            rsp.setInt(Tag.NumberOfFailedSuboperations, VR.US, failed);
            rsp.setInt(Tag.NumberOfWarningSuboperations, VR.US, warning);
            return rsp;
        }
    }

    private static Dataset failure(Dataset cmd, Status status, String comment) {
        Dataset rsp = Commands.response(cmd, status);
        rsp.setString(Tag.ErrorComment, VR.LO, comment.length() > 64 ? comment.substring(0, 64) : comment);
        return rsp;
    }

    private static byte[] encode(Dataset ds, String tsUid) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        DicomWriter.writeDataset(out, ds, TransferSyntax.of(tsUid), WriteOptions.DEFAULT);
        return out.toByteArray();
    }
}
