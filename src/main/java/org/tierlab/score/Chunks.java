package org.tierlab.score;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits a column into fixed chunks processed in parallel on the common fork-join pool (both cores here).
 * Chunk boundaries depend only on the column length, never on the number of cores or threads, and per-chunk
 * results are combined in chunk order, so floating-point sums and every tier come out the same on any machine.
 */
final class Chunks {
    /** Below this many values per chunk the hand-off costs more than it saves. */
    static final int MIN_CHUNK = 1 << 15;
    /** Enough chunks to keep a few cores busy; more would only add per-chunk histograms to merge. */
    static final int MAX_CHUNKS = 8;

    private Chunks() {
    }

    /** Work on one chunk, values {@code from} (inclusive) to {@code to} (exclusive). */
    interface Task<R> {
        R run(int chunk, int from, int to);
    }

    /** Work on one chunk with no result (it writes into disjoint parts of an output array). */
    interface Action {
        void run(int from, int to);
    }

    /** The number of chunks for a column of {@code n} values. */
    static int count(int n) {
        return Math.max(1, Math.min(MAX_CHUNKS, n / MIN_CHUNK));
    }

    /** The first index of chunk {@code c} of {@code k} (c == k gives n). */
    static int start(int n, int c, int k) {
        return (int) ((long) n * c / k);
    }

    /** Runs {@code task} on every chunk; the results in chunk order. */
    static <R> List<R> map(int n, Task<R> task) {
        int k = count(n);
        if (k == 1) {
            return Collections.singletonList(task.run(0, 0, n));
        }
        return IntStream.range(0, k).parallel().mapToObj(c -> task.run(c, start(n, c, k), start(n, c + 1, k))).toList();
    }

    /**
     * Runs two independent jobs at once (on two cores if there are), and returns when both are done; an exception
     * of either is thrown here. Only for jobs that write disjoint outputs, so the result is the same in any order.
     */
    static void both(Runnable first, Runnable second) {
        List.of(first, second).parallelStream().forEach(Runnable::run);
    }

    /** Runs {@code action} on every chunk. */
    static void forEach(int n, Action action) {
        map(n, (c, from, to) -> {
            action.run(from, to);
            return null;
        });
    }
}
