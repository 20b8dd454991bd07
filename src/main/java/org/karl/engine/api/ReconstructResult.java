package org.karl.engine.api;

/**
 * Output of the single pass (1 encoder + 1 decoder run) at a requested error.
 *
 * @param n number of tiles
 * @param tileSize tile edge in pixels
 * @param images reconstructions, row-major [n, tileSize, tileSize], values in [0,1] units
 * @param counts kept tokens per tile, [n]
 * @param l1 mean absolute error per tile against the input, [n]
 */
public record ReconstructResult(int n, int tileSize, float[] images, int[] counts, float[] l1) {}
