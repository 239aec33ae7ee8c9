/**
 * Decoded frames for scrolling: {@link org.pdistation.imaging.render.cache.FrameCache} keeps frames off-heap under a
 * byte budget, pinned while in use, loaded once per key however many threads ask, prefetched on a caller's
 * executor. {@link org.pdistation.imaging.render.cache.InstanceFrameLoader} loads series frames from files and
 * {@link org.pdistation.imaging.render.cache.ScrollSimulation} measures the scroll path.
 */
package org.pdistation.imaging.render.cache;
