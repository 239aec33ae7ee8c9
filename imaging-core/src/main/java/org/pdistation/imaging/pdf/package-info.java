/**
 * A small PDF 1.4 writer (ISO 32000-1 / PDF Reference 1.4) for reports and labels: pages of an exact size in
 * millimetres holding raster images (DeviceRGB or DeviceGray, FlateDecode) and lines of Latin text in the standard
 * Type 1 fonts Helvetica and Helvetica-Bold (WinAnsiEncoding). No java.desktop: callers hand over raw pixels.
 *
 * <p>The entry point is {@link org.pdistation.imaging.pdf.PdfWriter}; a page is a {@link org.pdistation.imaging.pdf.PdfPage}.
 */
package org.pdistation.imaging.pdf;
