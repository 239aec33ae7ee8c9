package org.pdistation.imaging.net.pdu;

/**
 * One protocol data unit of the DICOM upper layer (PS3.8 9.3). Each PDU type is a record; {@link PduWriter} and
 * {@link PduReader} encode and decode them.
 */
public sealed interface Pdu permits AssociateRq, AssociateAc, AssociateRj, PDataTf, ReleaseRq, ReleaseRp, Abort {

    /** PS3.8 9.3.1: the PDU-type byte of each PDU. */
    int ASSOCIATE_RQ = 0x01;
    int ASSOCIATE_AC = 0x02;
    int ASSOCIATE_RJ = 0x03;
    int P_DATA_TF = 0x04;
    int RELEASE_RQ = 0x05;
    int RELEASE_RP = 0x06;
    int ABORT = 0x07;
}
