package org.pdistation.importer.review;

import java.util.ArrayList;
import java.util.List;

/** A series of the review model with its instances in medium order. */
public final class SeriesEntry {
    private final String uid;
    private final String modality;
    private final String number;
    private final String description;
    private final List<InstanceRecord> instances = new ArrayList<>();

    SeriesEntry(String uid, String modality, String number, String description) {
        this.uid = uid;
        this.modality = modality;
        this.number = number;
        this.description = description;
    }

    public String uid() { return uid; }

    public String modality() { return modality; }

    public String number() { return number; }

    public String description() { return description; }

    public List<InstanceRecord> instances() { return List.copyOf(instances); }

    public int instanceCount() { return instances.size(); }

    void add(InstanceRecord r) { instances.add(r); }

    List<InstanceRecord> instancesView() { return instances; }
}
