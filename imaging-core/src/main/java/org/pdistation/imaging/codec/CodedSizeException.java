package org.pdistation.imaging.codec;

/**
 * The codestream is coded at another size than Rows × Columns. Whole-slide and some multi-frame writers code edge
 * tiles at their real, smaller size; frame access then decodes the stream at its coded size and places it at the
 * top left of a blank frame, as DCMTK does. A coded size larger than the image stays an error.
 */
public final class CodedSizeException extends CodecException {
    private final int codedRows;
    private final int codedColumns;

    public CodedSizeException(int codedRows, int codedColumns, ImageDescriptor desc, String what) {
        super(what + " is coded at " + codedColumns + "x" + codedRows + " but the image is " + desc.columns() + "x"
                + desc.rows());
        this.codedRows = codedRows;
        this.codedColumns = codedColumns;
    }

    public int codedRows() { return codedRows; }

    public int codedColumns() { return codedColumns; }

    /** Whether the coded frame fits inside the image, so that it can be placed at the top left. */
    public boolean fitsInside(ImageDescriptor desc) {
        return codedRows > 0 && codedColumns > 0 && codedRows <= desc.rows() && codedColumns <= desc.columns();
    }
}
