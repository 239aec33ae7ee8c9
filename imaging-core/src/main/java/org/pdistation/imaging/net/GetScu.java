package org.pdistation.imaging.net;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.net.SocketFactory;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.UID;
import org.pdistation.imaging.data.VR;
import org.pdistation.imaging.net.dimse.CommandField;
import org.pdistation.imaging.net.dimse.Commands;
import org.pdistation.imaging.net.dimse.Status;
import org.pdistation.imaging.net.pdu.PresentationContextRq;
import org.pdistation.imaging.net.pdu.RoleSelection;

/**
 * Query/Retrieve GET SCU (PS3.4 C.4.3): the peer sends the matching instances back as C-STORE sub-operations on the
 * same association, for which we propose the storage SOP classes with the SCP role (PS3.7 D.3.3.4) and hand what
 * arrives to a {@link StorageSink}.
 */
public final class GetScu {
    /** The storage SOP classes proposed by default: the common image and document classes. */
    public static final List<String> DEFAULT_STORAGE_CLASSES = List.of(
            UID.CTImageStorage, UID.MRImageStorage, UID.SecondaryCaptureImageStorage, UID.UltrasoundImageStorage,
            UID.UltrasoundMultiFrameImageStorage, UID.ComputedRadiographyImageStorage,
            UID.DigitalXRayImageStorageForPresentation, UID.DigitalXRayImageStorageForProcessing,
            UID.DigitalMammographyXRayImageStorageForPresentation, UID.XRayAngiographicImageStorage,
            UID.XRayRadiofluoroscopicImageStorage, UID.NuclearMedicineImageStorage,
            UID.PositronEmissionTomographyImageStorage, UID.EnhancedCTImageStorage, UID.EnhancedMRImageStorage,
            UID.MultiFrameGrayscaleByteSecondaryCaptureImageStorage,
            UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage,
            UID.MultiFrameTrueColorSecondaryCaptureImageStorage, UID.RTImageStorage, UID.RTDoseStorage,
            UID.RTStructureSetStorage, UID.RTPlanStorage, UID.VLPhotographicImageStorage,
            UID.EncapsulatedPDFStorage, UID.BasicTextSRStorage, UID.EnhancedSRStorage, UID.ComprehensiveSRStorage);

    /**
     * The compressed syntaxes we accept sub-operations in (stored as received), most common first. Each gets its own
     * context per SOP class, so that the peer can send an instance without transcoding it.
     */
    static final List<String> COMPRESSED_SYNTAXES = List.of(UID.JPEGLosslessSV1, UID.JPEGBaseline8Bit,
            UID.JPEGLSLossless, UID.JPEG2000Lossless, UID.RLELossless, UID.JPEGLossless, UID.JPEGExtended12Bit,
            UID.JPEGLSNearLossless, UID.JPEG2000, UID.DeflatedExplicitVRLittleEndian, UID.ExplicitVRBigEndian);

    /** PS3.8 9.3.2.2: odd ids 1..255, so 128 contexts; one is the C-GET context. */
    private static final int MAX_CONTEXTS = 128;

    private final Requestor requestor;
    private final RemoteAe target;
    private final List<String> storageClasses;

    public GetScu(RemoteAe target, String callingAet, NetOptions options) {
        this(target, callingAet, options, SocketFactory.getDefault(), DEFAULT_STORAGE_CLASSES);
    }

    public GetScu(RemoteAe target, String callingAet, NetOptions options, SocketFactory sockets,
                  List<String> storageClasses) {
        this(new Requestor(target, callingAet, options, sockets, null), storageClasses);
    }

    /** With the shared association setup, e.g. carrying a User Identity (PS3.7 D.3.3.7). */
    public GetScu(Requestor requestor, List<String> storageClasses) {
        this.requestor = requestor;
        this.target = requestor.target();
        if (storageClasses.size() > 127) {
            throw new IllegalArgumentException("at most 127 storage SOP classes fit next to the GET context");
        }
        this.storageClasses = List.copyOf(storageClasses);
    }

    public RetrieveResult get(QueryModel model, Dataset keys, StorageSink sink) throws IOException {
        String sopClass = model.getSopClass();
        List<PresentationContextRq> contexts = new ArrayList<>();
        contexts.add(new PresentationContextRq(1, sopClass, Dimse.UNCOMPRESSED));
        List<RoleSelection> roles = new ArrayList<>();
        for (String storage : storageClasses) {
            contexts.add(new PresentationContextRq(2 * contexts.size() + 1, storage, Dimse.UNCOMPRESSED));
            // PS3.7 D.3.3.4: we take the SCP role (and not the SCU role) for the storage classes.
            roles.add(new RoleSelection(storage, false, true));
        }
        // Then compressed syntaxes, one context each, syntax by syntax over all classes while ids last.
        for (String ts : COMPRESSED_SYNTAXES) {
            for (String storage : storageClasses) {
                if (contexts.size() < MAX_CONTEXTS) {
                    contexts.add(new PresentationContextRq(2 * contexts.size() + 1, storage, List.of(ts)));
                }
            }
        }
        Association a = requestor.open(contexts, roles);
        try {
            PresentationContext pc = Dimse.context(a, target, sopClass);
            int id = a.nextMessageId();
            a.sendCommand(pc.id(), Commands.getRq(id, sopClass, 0));
            a.sendData(pc.id(), Dimse.encode(keys, pc.transferSyntax()));
            int pending = 0;
            while (true) {
                Association.Command c = a.readCommand();
                if (c == null) {
                    throw new IOException("peer released the association while C-GET " + id + " was outstanding");
                }
                CommandField field = Commands.field(c.command());
                if (field == CommandField.C_STORE_RQ) {
                    a.sendCommand(c.contextId(), store(a, c, sink));
                    continue;
                }
                if (field != CommandField.C_GET_RSP
                        || c.command().getInt(Tag.MessageIDBeingRespondedTo, -1) != id) {
                    a.abort();
                    throw new IOException("expected C-GET-RSP to message " + id + " or C-STORE-RQ, got command "
                            + Integer.toHexString(c.command().getInt(Tag.CommandField, -1)));
                }
                Dataset identifier = Commands.hasDataSet(c.command())
                        ? Dimse.decode(a.readData(), pc.transferSyntax()) : null;
                if (Commands.status(c.command()).isPending()) {
                    pending++;
                    continue;
                }
                RetrieveResult result = Retrieves.result(c, identifier, pending);
                a.release();
                return result;
            }
        } finally {
            a.close();
        }
    }

    /** One C-STORE sub-operation: the data set into the sink, the response with its status. */
    private static Dataset store(Association a, Association.Command c, StorageSink sink) throws IOException {
        Dataset cmd = c.command();
        PresentationContext pc = a.contexts().get(c.contextId());
        Status status;
        String comment = null;
        if (!Commands.hasDataSet(cmd)) {
            status = Status.CANNOT_UNDERSTAND;
            comment = "C-STORE-RQ without data set";
        } else {
            var rq = new StorageSink.StoreRequest(a.calledAet(), a.callingAet(),
                    cmd.getString(Tag.AffectedSOPClassUID), cmd.getString(Tag.AffectedSOPInstanceUID),
                    pc.transferSyntax());
            try (InputStream data = a.dataStream()) {
                status = sink.store(rq, data);
            } catch (AssociationAbortedException e) {
                throw e;
            } catch (IOException e) {
                if (!a.isOpen()) {
                    throw e;
                }
                status = Status.OUT_OF_RESOURCES;
                comment = e.getMessage();
            }
        }
        Dataset rsp = Commands.response(cmd, status);
        if (comment != null) {
            rsp.setString(Tag.ErrorComment, VR.LO, comment.length() > 64 ? comment.substring(0, 64) : comment);
        }
        return rsp;
    }
}
