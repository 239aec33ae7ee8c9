/**
 * What a finished file-set holds, read back through its DICOMDIR for the parts of a medium that describe it to
 * people (web pages, label): patients, studies, series and the instance files the DICOMDIR references, with the
 * text values decoded by each file's Specific Character Set.
 */
package org.pdistation.creator.content;
