package org.pdistation.importer.reconcile;

/** Who coerced: (0400,0563) Modifying System and (0400,0564) Source of Previous Values. */
public record ModifyingSystem(String name, String sourceOfPreviousValues) {}
