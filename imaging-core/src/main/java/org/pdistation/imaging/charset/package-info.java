/**
 * DICOM Specific Character Set (0008,0005): parsing the Defined Terms of PS3.3 C.12.1.1.2 and decoding/encoding
 * the values of SH, LO, ST, LT, UT, UC and PN by the rules of PS3.5 6.1 (single-byte replacement sets, ISO/IEC 2022
 * code extensions, UTF-8, GB18030 and GBK).
 *
 * <p>The entry point is {@link org.pdistation.imaging.charset.SpecificCharacterSet}. This package depends only on
 * the JDK (it must not import {@code org.pdistation.imaging.data}, which uses it). All character tables come from
 * {@link java.nio.charset} charsets; on Linux JDKs they live in {@code java.base}, on other platforms some of them
 * (EUC-JP, EUC-KR, GB2312, TIS-620) live in {@code jdk.charsets}, so a jlinked runtime must include that module.
 */
package org.pdistation.imaging.charset;
