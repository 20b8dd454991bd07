package org.karl.engine.api;

/**
 * Output of one single-pass tokenization of {@code n} tiles (encoder only).
 * Arrays are row-major [n, tmax]; slots at or beyond the requested budget hold token -1 and keep 0.
 *
 * @param n number of tiles
 * @param tmax token slots per tile (the model's T_max)
 * @param tokens 1D token ids, [n, tmax]
 * @param keep 1 where the token is kept (not halted), 0 otherwise, [n, tmax]
 * @param counts kept tokens per tile, the complexity estimate, [n]
 * @param haltProb halting probability per slot, [n, tmax]
 */
public record TokenizeResult(int n, int tmax, int[] tokens, int[] keep, int[] counts, float[] haltProb) {}
