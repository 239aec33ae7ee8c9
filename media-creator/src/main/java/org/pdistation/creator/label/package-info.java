/**
 * The printable label of a medium (IHE PDI; PDI-REQUIREMENTS §A 8): a CD jewel-case insert and a round disc
 * label: what it says ({@link org.pdistation.creator.label.LabelInfo}) and when it is made ({@link
 * org.pdistation.creator.label.LabelStep}); the drawing is a {@link org.pdistation.creator.label.LabelPrinter}
 * that the station supplies, so that the media engines need no graphics toolkit.
 */
package org.pdistation.creator.label;
