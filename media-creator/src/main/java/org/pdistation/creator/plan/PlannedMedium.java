package org.pdistation.creator.plan;

import java.util.List;

/**
 * One medium of a plan: a complete file-set of its own (own DICOMDIR and README).
 *
 * @param number          1-based
 * @param instances       in patient → study → series → instance order
 * @param splitStudies    Study Instance UIDs that continue on another medium (one study larger than a medium)
 * @param estimatedBytes  files rounded to allocation blocks, DICOMDIR, README, folders and the reserve
 */
public record PlannedMedium(int number, List<PlannedInstance> instances, List<String> splitStudies,
                            long estimatedBytes) {
    public PlannedMedium {
        instances = List.copyOf(instances);
        splitStudies = List.copyOf(splitStudies);
    }

    public long transcodedCount() {
        return instances.stream().filter(i -> i.decision().transcodes()).count();
    }

    public long studyCount() {
        return instances.stream().map(i -> i.input().studyUid()).distinct().count();
    }
}
