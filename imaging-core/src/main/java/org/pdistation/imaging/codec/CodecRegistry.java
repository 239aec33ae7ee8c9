package org.pdistation.imaging.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.pdistation.imaging.data.UID;

/**
 * Codecs keyed by transfer syntax UID. Native syntaxes (and Deflated Explicit VR Little Endian, inflated by the
 * reader at the dataset level, PS3.5 A.5) need no codec: {@link ImageFrames} reads them directly. An encapsulated
 * syntax without an entry is unsupported for pixels, which is a per-instance result, never a crash.
 *
 * <p>Immutable and thread-safe; decoders and encoders are made per user because they keep scratch state.
 */
public final class CodecRegistry {
    /**
     * @param transferSyntaxUid the syntax
     * @param lossy             whether the syntax may lose information (then (0028,2110) must say 01, PS3.3 C.7.6.1.1.5)
     * @param decoder           makes a decoder
     * @param encoder           makes an encoder, or null when we only decode this syntax
     */
    public record Codec(String transferSyntaxUid, boolean lossy, Supplier<FrameDecoder> decoder,
                        Supplier<FrameEncoder> encoder) {
        public String name() { return nameOf(transferSyntaxUid); }

        public boolean canEncode() { return encoder != null; }
    }

    /** Transfer syntaxes newer than the PS3.6 edition the dictionary was generated from. */
    private static final Map<String, String> NEWER_NAMES = Map.of(
            "1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)",
            "1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)",
            "1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression",
            "1.2.840.10008.1.2.4.110", "JPEG XL Lossless",
            "1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression",
            "1.2.840.10008.1.2.4.112", "JPEG XL",
            "1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression");

    private final Map<String, Codec> codecs;

    public CodecRegistry(List<Codec> codecs) {
        Map<String, Codec> map = new LinkedHashMap<>();
        for (Codec c : codecs) map.put(c.transferSyntaxUid(), c);
        this.codecs = Map.copyOf(map);
    }

    /** The registry with every codec of imaging-core. */
    public static CodecRegistry standard() {
        return Standard.REGISTRY;
    }

    public Optional<Codec> codec(String transferSyntaxUid) {
        return Optional.ofNullable(codecs.get(transferSyntaxUid));
    }

    /** Every registered syntax, for capability listings (e.g. presentation contexts we can decode). */
    public List<Codec> codecs() {
        return List.copyOf(codecs.values());
    }

    /** Human name of a transfer syntax, from PS3.6 or our list of newer ones; the UID itself when unknown. */
    public static String nameOf(String uid) {
        String name = UID.nameOf(uid);
        if (name == null) name = NEWER_NAMES.get(uid);
        return name == null ? uid : name;
    }

    /**
     * This registry with {@code contributed} codecs added: for a syntax already here the contributed decoder is
     * tried when ours refuses a stream; for a new syntax it is the decoder. Our encoders are kept.
     */
    public CodecRegistry withContributed(List<Codec> contributed) {
        Map<String, Codec> map = new LinkedHashMap<>(codecs);
        for (Codec extra : contributed) {
            Codec ours = map.get(extra.transferSyntaxUid());
            if (ours == null) {
                map.put(extra.transferSyntaxUid(), extra);
            } else {
                Supplier<FrameDecoder> first = ours.decoder();
                Supplier<FrameDecoder> second = extra.decoder();
                map.put(ours.transferSyntaxUid(), new Codec(ours.transferSyntaxUid(), ours.lossy(),
                        () -> new FallbackDecoder(first.get(), second),
                        ours.encoder() != null ? ours.encoder() : extra.encoder()));
            }
        }
        return new CodecRegistry(List.copyOf(map.values()));
    }

    /** Initialization-on-demand holder: built once (with the {@link CodecProvider}s found), never changed. */
    private static final class Standard {
        static final CodecRegistry REGISTRY = build();

        private static CodecRegistry build() {
            CodecRegistry registry = new CodecRegistry(StandardCodecs.all());
            for (CodecProvider provider : java.util.ServiceLoader.load(CodecProvider.class)) {
                registry = registry.withContributed(provider.codecs());
            }
            return registry;
        }
    }
}
