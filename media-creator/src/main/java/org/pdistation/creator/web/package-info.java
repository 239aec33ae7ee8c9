/**
 * IHE PDI Web Content option (IHE RAD TF-2 4.47.4.1.3; PDI-REQUIREMENTS §A 4-6): {@code INDEX.HTM} in the root and
 * XHTML pages with PNG renderings under {@code IHE_PDI/}, written into a finished file-set folder. The pages are
 * plain XHTML 1.1 (no script, no external resource), so any browser shows them from the disc.
 */
package org.pdistation.creator.web;
