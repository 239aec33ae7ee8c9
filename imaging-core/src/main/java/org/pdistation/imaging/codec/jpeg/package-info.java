/**
 * JPEG (ITU-T T.81) for the DICOM JPEG transfer syntaxes (PS3.5 A.4.1, 8.2.1).
 *
 * <ul>
 *   <li>{@link org.pdistation.imaging.codec.jpeg.JpegDecoder}: baseline and extended sequential DCT (8/12-bit,
 *       1.2.840.10008.1.2.4.50 / .51), progressive DCT (SOF2), lossless process 14 with any predictor and point
 *       transform (.57 / .70); Huffman coding only. Entropy decoding uses a 64-bit left-aligned bit buffer
 *       ({@code BitReader}) and 12-bit lookahead tables that return a whole difference or AC coefficient in one
 *       look-up ({@code HuffmanTable}).
 *   <li>{@link org.pdistation.imaging.codec.jpeg.JpegLosslessEncoder}: process 14, selection value 1 (.70), with a
 *       per-frame optimised Huffman table (Annex K.2).
 * </ul>
 */
package org.pdistation.imaging.codec.jpeg;
