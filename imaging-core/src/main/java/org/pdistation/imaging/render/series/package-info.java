/**
 * Series geometry: what a viewer needs to scroll and measure a series. {@link
 * org.pdistation.imaging.render.series.SeriesLoader} reads headers only and groups files by Series Instance UID;
 * {@link org.pdistation.imaging.render.series.SliceExtractor} turns each file (each frame of an enhanced multi-frame
 * file, from its functional groups) into a {@link org.pdistation.imaging.render.series.SliceInfo}; {@link
 * org.pdistation.imaging.render.series.SliceSorter} orders them along the slice normal (PS3.3 C.7.6.2.1.1) into
 * stacks of one orientation, with phases, spacing and thickness; {@link
 * org.pdistation.imaging.render.series.Measurement} says which pixel spacing a distance on one image uses
 * (PS3.3 10.7.1). Nothing here reads pixel data.
 */
package org.pdistation.imaging.render.series;
