package org.pdistation.imaging.codec;

import java.util.List;

/**
 * Codecs contributed from outside imaging-core, found with {@link java.util.ServiceLoader} when
 * {@link CodecRegistry#standard()} is first built. A contributed decoder for a syntax imaging-core already decodes
 * becomes its second opinion ({@link FallbackDecoder}); for any other syntax it is the decoder. This keeps codecs
 * that need other JDK modules (javax.imageio in {@code imaging-imageio}) out of imaging-core.
 */
public interface CodecProvider {
    List<CodecRegistry.Codec> codecs();
}
