package org.pdistation.imaging.codec;

/**
 * The instance's pixel data is in a transfer syntax we have no decoder for (MPEG, HEVC, JPEG XL, …). Listing and
 * browsing the instance still work; only its pixels cannot be shown.
 */
public final class UnsupportedTransferSyntaxException extends FrameException {
    private final String transferSyntaxUid;

    public UnsupportedTransferSyntaxException(String instance, int frameIndex, String transferSyntaxUid, String name) {
        super(instance, frameIndex, "transfer syntax " + name + " (" + transferSyntaxUid + ") is not supported", null);
        this.transferSyntaxUid = transferSyntaxUid;
    }

    public String transferSyntaxUid() { return transferSyntaxUid; }
}
