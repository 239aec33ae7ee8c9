package org.pdistation.imaging.charset;

/**
 * A string holds a character that the Specific Character Set (0008,0005) of the data set cannot represent.
 *
 * <p>PDI-REQUIREMENTS F.40: writing such a string is an error unless the writer may switch the data set to UTF-8;
 * the caller adds the attribute to its own message, this exception carries where in the value the problem is.
 */
public final class UnencodableStringException extends IllegalArgumentException {

    private final int index;
    private final int codePoint;

    /**
     * @param value        the value being encoded
     * @param index        the {@code char} index in {@code value} of the first character that cannot be encoded
     * @param characterSet how the character set is named in the message
     */
    public UnencodableStringException(String value, int index, String characterSet) {
        super(message(value, index, characterSet));
        this.index = index;
        this.codePoint = value.codePointAt(index);
    }

    private static String message(String value, int index, String characterSet) {
        int cp = value.codePointAt(index);
        String shown = Character.isISOControl(cp) || Character.isSurrogate((char) cp)
                ? "" : "'" + new String(Character.toChars(cp)) + "' ";
        return String.format("character %s(U+%04X) at index %d cannot be encoded in %s",
                shown, cp, index, characterSet);
    }

    /** The {@code char} index in the value of the first character that cannot be encoded. */
    public int index() {
        return index;
    }

    /** The code point that cannot be encoded (a lone surrogate is reported as itself). */
    public int codePoint() {
        return codePoint;
    }
}
