package org.pdistation.importer.journal;

/** PDI-REQUIREMENTS 33: every instance ends in exactly one of these (PENDING only while the job runs). */
public enum InstanceState { PENDING, STORED, WARNING, FAILED, DUPLICATE, UNSUPPORTED, UNREADABLE, CONFLICT }
