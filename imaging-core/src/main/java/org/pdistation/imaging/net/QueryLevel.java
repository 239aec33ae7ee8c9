package org.pdistation.imaging.net;

/** Query/Retrieve Level (0008,0052) values of PS3.4 C.6. */
public enum QueryLevel {
    PATIENT, STUDY, SERIES, IMAGE
}
