package org.pdistation.creator.plan;

/** One instance on one medium: its source, what happens to its encoding, and the bytes it is expected to take. */
public record PlannedInstance(InputInstance input, TranscodeDecision decision, long estimatedBytes) {}
