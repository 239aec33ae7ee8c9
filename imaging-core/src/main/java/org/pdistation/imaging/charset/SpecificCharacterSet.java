package org.pdistation.imaging.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Temporary stand-in until the full implementation is merged. */
public final class SpecificCharacterSet {
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(StandardCharsets.ISO_8859_1);
    public static final SpecificCharacterSet UTF_8 = new SpecificCharacterSet(StandardCharsets.UTF_8);
    private final Charset cs;

    private SpecificCharacterSet(Charset cs) { this.cs = cs; }

    public static SpecificCharacterSet of(String... values) {
        return values.length > 0 && "ISO_IR 192".equals(values[0]) ? UTF_8 : DEFAULT;
    }

    public List<String> warnings() { return List.of(); }

    public boolean isDefault() { return this == DEFAULT; }

    public String decode(byte[] bytes, int offset, int length, boolean personName) {
        return new String(bytes, offset, length, cs);
    }

    public byte[] encode(String value, boolean personName) { return value.getBytes(cs); }

    public boolean canEncode(String value) { return true; }
}
