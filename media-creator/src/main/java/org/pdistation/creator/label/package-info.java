/**
 * The printable label of a medium (IHE PDI; PDI-REQUIREMENTS §A 8): a CD jewel-case insert and a round disc
 * label, drawn with java.awt at 300 dpi and written as PNG and as one-page PDF.
 */
package org.pdistation.creator.label;
