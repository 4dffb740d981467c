package org.tierlab.score;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * RFM scoring and named segments. Recency, frequency and monetary value each get a score 1..bins by a
 * {@link Binning} rule (recency reversed: the most recent customers score highest; a customer who never bought
 * has recency score 1, frequency and monetary scored as given). Segments are score-range rules checked in order:
 * the first that matches names the customer's tier, so segments never overlap; customers matching no rule are
 * in the last tier, {@code Others}, which is always present so nobody is left unassigned silently.
 */
public final class RfmModel implements TieringModel {
    /** The tier for customers that match no segment rule. */
    public static final String OTHERS = "Others";

    private final int bins;
    private final Binning recencyBinning;
    private final Binning frequencyBinning;
    private final Binning monetaryBinning;
    private final List<String> names;
    /** Segment index of every (R, F, M) cell; see {@link #segmentTable}. */
    private final short[] segmentOf;

    /**
     * A segment rule: inclusive score ranges for R, F and M.
     *
     * @param name tier name
     * @param r {low, high} recency score range
     * @param f {low, high} frequency score range
     * @param m {low, high} monetary score range
     */
    public record Segment(String name, int[] r, int[] f, int[] m) {
        /** Validates the ranges. */
        public Segment {
            for (int[] range : new int[][] {r, f, m}) {
                if (range.length != 2 || range[0] > range[1] || range[0] < 1) {
                    throw new IllegalArgumentException("segment '" + name + "': a range is [low, high] with 1 <= low <= high");
                }
            }
        }

        boolean matches(int rs, int fs, int ms) {
            return rs >= r[0] && rs <= r[1] && fs >= f[0] && fs <= f[1] && ms >= m[0] && ms <= m[1];
        }
    }

    private RfmModel(int bins, Binning[] binning, List<Segment> segments) {
        this.bins = bins;
        this.recencyBinning = binning[0];
        this.frequencyBinning = binning[1];
        this.monetaryBinning = binning[2];
        List<String> n = new ArrayList<>();
        for (Segment s : segments) {
            if (s.name().equals(OTHERS)) {
                throw new IllegalArgumentException("segment name '" + OTHERS + "' is reserved for customers matching no"
                        + " segment; expected another name");
            }
            if (n.contains(s.name())) {
                throw new IllegalArgumentException("segment name '" + s.name() + "' is used twice");
            }
            n.add(s.name());
        }
        n.add(OTHERS);
        this.names = List.copyOf(n);
        this.segmentOf = segmentTable(bins, segments);
    }

    /** An RFM model with one binning rule for all three scores; {@code segments == null}: standard segments. */
    public static RfmModel of(int bins, Binning binning, List<Segment> segments) {
        return of(bins, binning, binning, binning, segments);
    }

    /**
     * An RFM model with a binning rule per score (custom breaks differ: days, counts, money). Custom recency
     * breaks are in days; scores are then reversed so that the most recent customers score {@code bins}.
     * {@code segments == null} uses the standard eleven segments (5 bins only).
     */
    public static RfmModel of(int bins, Binning recency, Binning frequency, Binning monetary, List<Segment> segments) {
        if (bins < 2 || bins > 100) {
            throw new IllegalArgumentException("bins must be 2..100, found " + bins);
        }
        if (segments == null) {
            if (bins != 5) {
                throw new IllegalArgumentException("the standard segments are defined for 5 bins; give 'segments' for "
                        + bins + " bins");
            }
            segments = standardSegments();
        }
        for (Segment s : segments) {
            if (s.r()[1] > bins || s.f()[1] > bins || s.m()[1] > bins) {
                throw new IllegalArgumentException("segment '" + s.name() + "' uses a score above " + bins);
            }
        }
        RfmModel model = new RfmModel(bins, new Binning[] {recency, frequency, monetary}, segments);
        model.checkEverySegmentReachable(segments);
        return model;
    }

    /**
     * A segment of a given table that can never be given: every score cell its ranges cover matches an earlier
     * segment. {@link #index} is the segment's position in the table, so a specification reader can name its line.
     */
    public static final class UnreachableSegmentException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int index;

        UnreachableSegmentException(int index, String message) {
            super(message);
            this.index = index;
        }

        /** The 0-based position of the unreachable segment in the table given. */
        public int index() {
            return index;
        }
    }

    /**
     * Refuses a table in which a segment is the first match for no score: with first-match rules such a segment
     * can never get a customer, which is surely a mistake in the table (an order or a range), not an empty tier
     * the user wants. The standard table is checked too, so a change to it cannot leave a segment always empty.
     */
    private void checkEverySegmentReachable(List<Segment> segments) {
        boolean[] given = new boolean[segments.size() + 1];
        for (short k : segmentOf) {
            given[k] = true;
        }
        for (int k = 0; k < segments.size(); k++) {
            if (!given[k]) {
                Segment s = segments.get(k);
                throw new UnreachableSegmentException(k, "segment '" + s.name() + "' can never be given: segments are"
                        + " matched in order and every score it covers (R " + range(s.r()) + ", F " + range(s.f())
                        + ", M " + range(s.m()) + ") matches an earlier segment (" + String.join(", ", takers(s, segments))
                        + "); expected each segment to be the first match for some scores (move it up, or narrow the"
                        + " earlier ones)");
            }
        }
    }

    /** The earlier segments that take the cells of {@code s}, in table order. */
    private List<String> takers(Segment s, List<Segment> segments) {
        TreeSet<Integer> first = new TreeSet<>();
        for (int r = s.r()[0]; r <= s.r()[1]; r++) {
            for (int f = s.f()[0]; f <= s.f()[1]; f++) {
                for (int m = s.m()[0]; m <= s.m()[1]; m++) {
                    first.add((int) segmentOf[((r - 1) * bins + f - 1) * bins + m - 1]);
                }
            }
        }
        return first.stream().map(k -> segments.get(k).name()).toList();
    }

    private static String range(int[] range) {
        return range[0] == range[1] ? String.valueOf(range[0]) : range[0] + "-" + range[1];
    }

    /**
     * The standard segments, adapted from the R {@code rfm} package's defaults and ordered so that the first
     * matching rule is the most specific one.
     */
    public static List<Segment> standardSegments() {
        return List.of(
                seg("Champions", 4, 5, 4, 5, 4, 5),
                seg("Loyal Customers", 2, 5, 3, 5, 3, 5),
                seg("New Customers", 4, 5, 1, 1, 1, 1),
                seg("Promising", 3, 4, 1, 1, 1, 1),
                seg("Potential Loyalist", 3, 5, 1, 3, 1, 3),
                seg("Can't Lose Them", 1, 1, 4, 5, 4, 5),
                seg("Need Attention", 2, 3, 2, 3, 2, 3),
                seg("At Risk", 1, 2, 2, 5, 2, 5),
                seg("About To Sleep", 2, 3, 1, 2, 1, 2),
                seg("Lost", 1, 1, 1, 1, 1, 1),
                seg("Hibernating", 1, 2, 1, 2, 1, 2));
    }

    private static Segment seg(String name, int rl, int rh, int fl, int fh, int ml, int mh) {
        return new Segment(name, new int[] {rl, rh}, new int[] {fl, fh}, new int[] {ml, mh});
    }

    @Override
    public List<String> tierNames() {
        return names;
    }

    /**
     * The R, F and M scores of every customer. Each column is profiled once ({@link ColumnProfile}); the profile
     * both checks the input (a failed check looks for the first bad customer to name) and feeds the scorer.
     */
    public RfmScores scores(CustomerFeatures features) {
        int n = features.size();
        // one column at a time, released after scoring: a simulator's lazy columns are then never all alive
        byte[] r = new byte[n];
        double[] recency = features.numeric(CustomerFeatures.RECENCY);
        ColumnProfile rp = ColumnProfile.of(recency);
        if (rp.min() < 0 || rp.hasInfinity()) {
            Columns.recency(features); // throws, naming the first bad customer
        }
        scoreRecency(recency, rp, r);
        features.release(CustomerFeatures.RECENCY);
        byte[] f = score(features, CustomerFeatures.FREQUENCY, false, frequencyBinning);
        byte[] m = score(features, CustomerFeatures.MONETARY, true, monetaryBinning);
        return new RfmScores(r, f, m);
    }

    /** Scores per dimension. */
    int bins() {
        return bins;
    }

    /** The recency score's binning rule. */
    Binning recencyBinning() {
        return recencyBinning;
    }

    /** The frequency score's binning rule. */
    Binning frequencyBinning() {
        return frequencyBinning;
    }

    /** The monetary score's binning rule. */
    Binning monetaryBinning() {
        return monetaryBinning;
    }

    private byte[] score(CustomerFeatures features, String name, boolean allowNegative, Binning binning) {
        byte[] out = new byte[features.size()];
        ColumnProfile profile = Columns.profile(features, name, allowNegative);
        Tiles.score(binning, features.numeric(name), false, profile, bins, out);
        features.release(name);
        return out;
    }

    /** Recency scores, most recent highest; a customer who never bought (NaN) scores 1. */
    private void scoreRecency(double[] recency, ColumnProfile profile, byte[] r) {
        if (recencyBinning instanceof Binning.Custom) {
            // custom breaks are in days, ascending: score the days, then reverse
            recencyBinning.score(recency, bins, r);
            for (int i = 0; i < r.length; i++) {
                r[i] = (byte) (r[i] == 0 ? 1 : bins + 1 - r[i]);
            }
            return;
        }
        Tiles.score(recencyBinning, recency, true, profile, bins, r);
        if (profile.nan() > 0) {
            for (int i = 0; i < r.length; i++) {
                r[i] = r[i] == 0 ? 1 : r[i];
            }
        }
    }

    @Override
    public void assign(CustomerFeatures features, int[] out) {
        segments(scores(features), out);
    }

    /** The segment of every customer from their scores (as {@link #assign} gives), into {@code out}. */
    public void segments(RfmScores s, int[] out) {
        byte[] r = s.r();
        byte[] f = s.f();
        byte[] m = s.m();
        Chunks.forEach(r.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = segmentOf[((r[i] - 1) * bins + f[i] - 1) * bins + m[i] - 1];
            }
        });
    }

    /**
     * The segment of every (R, F, M) cell, index {@code ((r-1) * bins + (f-1)) * bins + (m-1)}: the first segment
     * whose ranges contain it, else Others. One table lookup per customer instead of testing the rules in turn.
     */
    private static short[] segmentTable(int bins, List<Segment> segments) {
        short[] table = new short[bins * bins * bins];
        for (int r = 1; r <= bins; r++) {
            for (int f = 1; f <= bins; f++) {
                for (int m = 1; m <= bins; m++) {
                    int k = 0;
                    while (k < segments.size() && !segments.get(k).matches(r, f, m)) {
                        k++;
                    }
                    table[((r - 1) * bins + f - 1) * bins + m - 1] = (short) k;
                }
            }
        }
        return table;
    }
}
