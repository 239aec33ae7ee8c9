package org.pdistation.imaging.media.verify;

/** How bad a finding is: ERROR makes a medium non-conformant; WARNING is tolerated; INFO only informs. */
public enum Severity { ERROR, WARNING, INFO }
