package org.pdistation.viewer.media;

/**
 * One problem of an opened medium, in words for the person at the station.
 *
 * @param serious  true when another hospital's software may refuse the medium for it (a verifier ERROR, or a file
 *                 the station could not read); false for a remark (a verifier WARNING)
 * @param sentence one plain sentence in the station's language
 * @param file     the file concerned, relative to the medium's root ("" for the medium itself)
 * @param rule     "R6" for a rule of PDI-REQUIREMENTS.md, or "" for a problem met while reading
 * @param detail   the technical text (what was expected and found), for the details column
 */
public record MediumProblem(boolean serious, String sentence, String file, String rule, String detail) {}
