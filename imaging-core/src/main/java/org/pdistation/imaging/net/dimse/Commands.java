package org.pdistation.imaging.net.dimse;

import org.pdistation.imaging.data.Dataset;
import org.pdistation.imaging.data.Tag;
import org.pdistation.imaging.data.VR;

/** Builds the command sets of PS3.7 9.3 and reads their common fields. */
public final class Commands {
    /** PS3.7 E.1: Command Data Set Type 0101H means no data set follows; any other value means one does. */
    public static final int NO_DATA_SET = 0x0101;
    public static final int DATA_SET_PRESENT = 0x0000;

    private Commands() {
    }

    /** PS3.7 9.3.5.1 C-ECHO-RQ. */
    public static Dataset echoRq(int messageId, String sopClass) {
        Dataset c = base(sopClass, CommandField.C_ECHO_RQ, NO_DATA_SET);
        c.setInt(Tag.MessageID, VR.US, messageId);
        return c;
    }

    /** PS3.7 9.3.1.1 C-STORE-RQ; priority 0 medium. */
    public static Dataset storeRq(int messageId, String sopClass, String sopInstance, int priority) {
        Dataset c = base(sopClass, CommandField.C_STORE_RQ, DATA_SET_PRESENT);
        c.setInt(Tag.MessageID, VR.US, messageId);
        c.setInt(Tag.Priority, VR.US, priority);
        c.setString(Tag.AffectedSOPInstanceUID, VR.UI, sopInstance);
        return c;
    }

    /** PS3.7 9.3.2.1 C-FIND-RQ; an identifier follows. */
    public static Dataset findRq(int messageId, String sopClass, int priority) {
        Dataset c = base(sopClass, CommandField.C_FIND_RQ, DATA_SET_PRESENT);
        c.setInt(Tag.MessageID, VR.US, messageId);
        c.setInt(Tag.Priority, VR.US, priority);
        return c;
    }

    /** PS3.7 9.3.4.1 C-MOVE-RQ to {@code destination}; an identifier follows. */
    public static Dataset moveRq(int messageId, String sopClass, int priority, String destination) {
        Dataset c = base(sopClass, CommandField.C_MOVE_RQ, DATA_SET_PRESENT);
        c.setInt(Tag.MessageID, VR.US, messageId);
        c.setInt(Tag.Priority, VR.US, priority);
        c.setString(Tag.MoveDestination, VR.AE, destination);
        return c;
    }

    /** PS3.7 9.3.3.1 C-GET-RQ; an identifier follows. */
    public static Dataset getRq(int messageId, String sopClass, int priority) {
        Dataset c = base(sopClass, CommandField.C_GET_RQ, DATA_SET_PRESENT);
        c.setInt(Tag.MessageID, VR.US, messageId);
        c.setInt(Tag.Priority, VR.US, priority);
        return c;
    }

    /** PS3.7 9.3.2.3 C-CANCEL-RQ for the operation {@code messageId}; no data set, no response. */
    public static Dataset cancelRq(int messageId) {
        Dataset c = base(null, CommandField.C_CANCEL_RQ, NO_DATA_SET);
        c.setInt(Tag.MessageIDBeingRespondedTo, VR.US, messageId);
        return c;
    }

    /**
     * PS3.7 10.3.4.1 N-ACTION-RQ on the instance {@code sopInstance} of {@code sopClass}; the Action Information
     * data set follows.
     */
    public static Dataset nActionRq(int messageId, String sopClass, String sopInstance, int actionTypeId) {
        Dataset c = new Dataset();
        c.setString(Tag.RequestedSOPClassUID, VR.UI, sopClass);
        c.setInt(Tag.CommandField, VR.US, CommandField.N_ACTION_RQ.code());
        c.setInt(Tag.MessageID, VR.US, messageId);
        c.setInt(Tag.CommandDataSetType, VR.US, DATA_SET_PRESENT);
        c.setString(Tag.RequestedSOPInstanceUID, VR.UI, sopInstance);
        c.setInt(Tag.ActionTypeID, VR.US, actionTypeId);
        return c;
    }

    /** PS3.7 10.3.1.1 N-EVENT-REPORT-RQ; the Event Information data set follows. */
    public static Dataset nEventReportRq(int messageId, String sopClass, String sopInstance, int eventTypeId) {
        Dataset c = base(sopClass, CommandField.N_EVENT_REPORT_RQ, DATA_SET_PRESENT);
        c.setInt(Tag.MessageID, VR.US, messageId);
        c.setString(Tag.AffectedSOPInstanceUID, VR.UI, sopInstance);
        c.setInt(Tag.EventTypeID, VR.US, eventTypeId);
        return c;
    }

    /**
     * A response without data set to {@code rq} (any C- or N- request), with the given status. The N- responses
     * name as affected what the request named as requested (PS3.7 10.3), and repeat the Event or Action Type ID.
     */
    public static Dataset response(Dataset rq, Status status) {
        CommandField f = CommandField.of(rq.getInt(Tag.CommandField, -1));
        if (f == null || f.isResponse()) {
            throw new IllegalArgumentException("not a request command: " + rq.getInt(Tag.CommandField, -1));
        }
        CommandField rsp = CommandField.of(f.code() | 0x8000);
        String sopClass = rq.getString(Tag.AffectedSOPClassUID);
        if (sopClass == null) {
            sopClass = rq.getString(Tag.RequestedSOPClassUID);
        }
        Dataset c = base(sopClass, rsp, NO_DATA_SET);
        c.setInt(Tag.MessageIDBeingRespondedTo, VR.US, rq.getInt(Tag.MessageID, 0));
        c.setInt(Tag.Status, VR.US, status.code());
        String instance = rq.getString(Tag.AffectedSOPInstanceUID);
        if (instance == null) {
            instance = rq.getString(Tag.RequestedSOPInstanceUID);
        }
        if (instance != null) {
            c.setString(Tag.AffectedSOPInstanceUID, VR.UI, instance);
        }
        for (int typeTag : new int[] {Tag.EventTypeID, Tag.ActionTypeID}) {
            int type = rq.getInt(typeTag, -1);
            if (type >= 0) {
                c.setInt(typeTag, VR.US, type);
            }
        }
        return c;
    }

    private static Dataset base(String sopClass, CommandField field, int dataSetType) {
        Dataset c = new Dataset();
        if (sopClass != null) {
            c.setString(Tag.AffectedSOPClassUID, VR.UI, sopClass);
        }
        c.setInt(Tag.CommandField, VR.US, field.code());
        c.setInt(Tag.CommandDataSetType, VR.US, dataSetType);
        return c;
    }

    public static CommandField field(Dataset command) {
        return CommandField.of(command.getInt(Tag.CommandField, -1));
    }

    public static boolean hasDataSet(Dataset command) {
        return command.getInt(Tag.CommandDataSetType, NO_DATA_SET) != NO_DATA_SET;
    }

    public static Status status(Dataset command) {
        return new Status(command.getInt(Tag.Status, 0xC000) & 0xFFFF);
    }
}
