package org.tierlab.btyd;

/**
 * The customers of a {@link Summaries} grouped by identical (x, t_x, T): each distinct triple once, with the
 * number of customers that share it, so a likelihood sums over triples rather than customers (the 2,357-customer
 * CDNOW sample has 1,016 distinct triples, the 23,570-customer master 8,685). The distinct values of x, t_x and
 * T are numbered too, so that terms depending on one of them alone are computed once per value.
 */
final class Triples {
    /** Number of distinct triples. */
    final int size;
    /** Per triple: x, its index in {@link #xValues}, t_x and its index in {@link #txValues}, T and its index in {@link #tValues}, and the customers sharing it. */
    final int[] x;
    final int[] xIndex;
    final double[] tx;
    final int[] txIndex;
    final double[] T;
    final int[] tIndex;
    final double[] count;
    /** Per triple: the number of its (x, t_x) pair and of its (x, T) pair; the numbers of such pairs. */
    final int[] xTxPair;
    final int[] xTPair;
    final int xTxPairs;
    final int xTPairs;
    /** Distinct values of x (in order of first appearance) and the customers with each. */
    final int[] xValues;
    final double[] xCount;
    /** Largest x. */
    final int maxX;
    /** Distinct values of t_x and of T. */
    final double[] txValues;
    final double[] tValues;

    Triples(Summaries s) {
        int n = s.size();
        ValueIndex xs = new ValueIndex(n);
        ValueIndex txs = new ValueIndex(n);
        ValueIndex ts = new ValueIndex(n);
        int[] xi = new int[n];
        int[] txi = new int[n];
        int[] ti = new int[n];
        int mx = 0;
        for (int i = 0; i < n; i++) {
            xi[i] = xs.indexOf(s.x[i]);
            txi[i] = txs.indexOf(Double.doubleToLongBits(s.tx[i]));
            ti[i] = ts.indexOf(Double.doubleToLongBits(s.T[i]));
            mx = Math.max(mx, s.x[i]);
        }
        maxX = mx;
        // a triple is a pair of indices (x, tx) and an index of T: number the pairs, then the (pair, T) pairs
        ValueIndex pairs = new ValueIndex(n);
        ValueIndex tPairs = new ValueIndex(n);
        ValueIndex triples = new ValueIndex(n);
        int[] first = new int[n];
        int[] tripleOf = new int[n];
        int[] pairOf = new int[n];
        int[] tPairOf = new int[n];
        for (int i = 0; i < n; i++) {
            int pair = pairs.indexOf(((long) xi[i] << 32) | txi[i]);
            pairOf[i] = pair;
            tPairOf[i] = tPairs.indexOf(((long) xi[i] << 32) | ti[i]);
            int before = triples.size();
            int t = triples.indexOf(((long) pair << 32) | ti[i]);
            if (t == before) {
                first[t] = i;
            }
            tripleOf[i] = t;
        }
        size = triples.size();
        x = new int[size];
        xIndex = new int[size];
        tx = new double[size];
        txIndex = new int[size];
        T = new double[size];
        tIndex = new int[size];
        count = new double[size];
        xTxPair = new int[size];
        xTPair = new int[size];
        xTxPairs = pairs.size();
        xTPairs = tPairs.size();
        for (int i = 0; i < n; i++) {
            count[tripleOf[i]]++;
        }
        for (int t = 0; t < size; t++) {
            int i = first[t];
            x[t] = s.x[i];
            xIndex[t] = xi[i];
            tx[t] = s.tx[i];
            txIndex[t] = txi[i];
            T[t] = s.T[i];
            tIndex[t] = ti[i];
            xTxPair[t] = pairOf[i];
            xTPair[t] = tPairOf[i];
        }
        xValues = new int[xs.size()];
        xCount = new double[xs.size()];
        for (int i = 0; i < n; i++) {
            xValues[xi[i]] = s.x[i];
            xCount[xi[i]]++;
        }
        txValues = new double[txs.size()];
        tValues = new double[ts.size()];
        for (int i = 0; i < n; i++) {
            txValues[txi[i]] = s.tx[i];
            tValues[ti[i]] = s.T[i];
        }
    }

    /** Numbers distinct long keys 0, 1, 2, ... in order of first appearance (open addressing, no boxing). */
    static final class ValueIndex {
        private long[] keys;
        private int[] values;
        private boolean[] used;
        private int size;

        ValueIndex(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
            keys = new long[capacity];
            values = new int[capacity];
            used = new boolean[capacity];
        }

        int size() {
            return size;
        }

        /** The key's number, numbering it next if new. */
        int indexOf(long key) {
            int mask = keys.length - 1;
            int h = mix(key) & mask;
            while (used[h]) {
                if (keys[h] == key) {
                    return values[h];
                }
                h = (h + 1) & mask;
            }
            used[h] = true;
            keys[h] = key;
            values[h] = size;
            size++;
            if (size * 2 > keys.length) {
                grow();
            }
            return size - 1;
        }

        private void grow() {
            long[] k = keys;
            int[] v = values;
            boolean[] u = used;
            keys = new long[k.length * 2];
            values = new int[k.length * 2];
            used = new boolean[k.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < k.length; j++) {
                if (u[j]) {
                    int h = mix(k[j]) & mask;
                    while (used[h]) {
                        h = (h + 1) & mask;
                    }
                    used[h] = true;
                    keys[h] = k[j];
                    values[h] = v[j];
                }
            }
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29) ^ (h >>> 47));
        }
    }
}
