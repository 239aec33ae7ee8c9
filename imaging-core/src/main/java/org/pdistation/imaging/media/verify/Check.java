package org.pdistation.imaging.media.verify;

/** One group of rules of PDI-REQUIREMENTS.md, run over a medium; adds findings, never throws on bad input. */
interface Check {
    void run(Medium m);
}
