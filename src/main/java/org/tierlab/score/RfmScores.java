package org.tierlab.score;

/**
 * Per-customer recency, frequency and monetary scores (1 = worst, bins = best), as byte arrays. Kept apart from
 * the segment assignment so reports can show the R-by-F grid.
 *
 * @param r recency scores (more recent = higher)
 * @param f frequency scores
 * @param m monetary scores
 */
public record RfmScores(byte[] r, byte[] f, byte[] m) {
}
