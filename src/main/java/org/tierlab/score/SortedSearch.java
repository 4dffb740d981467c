package org.tierlab.score;

/** Binary search in a sorted array of doubles: the exact rank of a value among the few sorted by hand. */
final class SortedSearch {
    private SortedSearch() {
    }

    /**
     * How many elements of {@code sorted} (ascending, no NaN) are below {@code v}: the first index holding v or
     * more.
     */
    static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
