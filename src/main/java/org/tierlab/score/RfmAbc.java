package org.tierlab.score;

import java.util.List;
import java.util.Objects;

/**
 * RFM scores and ABC classes of the same customers, computed together. Tiering by RFM segment within ABC value
 * class is common, and when ABC ranks by the monetary column, recency and frequency are whole numbers (days,
 * counts) and every binning is quantile or equal-count, the whole job takes two parallel passes over the three
 * columns: one profile pass ({@link RfmScan}: value counts of recency and frequency, and the money's bucket
 * histogram with the bucket sums ABC needs), then one assignment pass in which each customer's three scores and
 * class are table lookups, or the customer is set aside for the monetary score or the class (see
 * {@link BucketTiles}, {@link ShareCuts}). The profile pass keeps, per customer, what it worked out (recency and
 * frequency count slots, money bucket: 6 bytes, the slots in the output array of classes), so the assignment pass
 * reads those instead of the three columns (24 bytes) and converts nothing (converting the columns again costs
 * about as much as the profile pass).
 * Otherwise, and when an input check fails, the two models run apart.
 *
 * <p>{@link #score(CustomerFeatures, Result)} writes into arrays the caller keeps, for callers that score again and
 * again; {@link #score(CustomerFeatures)} allocates them.
 *
 * <p>The results, and the errors on bad input, are exactly those of {@link RfmModel#scores} and
 * {@link AbcModel#assign}; a test checks both paths against them.
 */
public final class RfmAbc {
    private final RfmModel rfm;
    private final AbcModel abc;

    private RfmAbc(RfmModel rfm, AbcModel abc) {
        this.rfm = rfm;
        this.abc = abc;
    }

    /** RFM scores by {@code rfm} and classes by {@code abc}. */
    public static RfmAbc of(RfmModel rfm, AbcModel abc) {
        return new RfmAbc(Objects.requireNonNull(rfm, "rfm"), Objects.requireNonNull(abc, "abc"));
    }

    /**
     * Both results for every customer.
     *
     * @param scores the R, F and M scores
     * @param classes the ABC class index of every customer (0 = first class)
     */
    public record Result(RfmScores scores, int[] classes) {
        /** Validates: four arrays, one entry per customer in each. */
        public Result {
            Objects.requireNonNull(scores, "scores");
            Objects.requireNonNull(classes, "classes");
            int n = classes.length;
            if (scores.r().length != n || scores.f().length != n || scores.m().length != n) {
                throw new IllegalArgumentException("r, f, m and classes must have one length, found "
                        + scores.r().length + ", " + scores.f().length + ", " + scores.m().length + ", " + n);
            }
        }

        /**
         * New arrays for n customers. The JVM zeroes a new array on the thread that allocates it, 7 bytes per
         * customer here (70 MB at ten million), so the int array and the three byte arrays are allocated on two
         * cores at once.
         */
        public static Result of(int n) {
            byte[][] s = new byte[3][];
            int[][] c = new int[1][];
            Chunks.both(() -> c[0] = new int[n], () -> {
                for (int k = 0; k < 3; k++) {
                    s[k] = new byte[n];
                }
            });
            return new Result(new RfmScores(s[0], s[1], s[2]), c[0]);
        }

        /** The number of customers. */
        public int size() {
            return classes.length;
        }
    }

    /** Scores and classes every customer of {@code features}, into new arrays. */
    public Result score(CustomerFeatures features) {
        if (!shares()) {
            int[] classes = new int[features.size()]; // not the 7 bytes per customer the two-pass path writes into
            return new Result(apart(features, classes), classes);
        }
        Result out = Result.of(features.size());
        if (together(features, out)) {
            return out;
        }
        return new Result(apart(features, out.classes()), out.classes());
    }

    /**
     * Scores and classes every customer of {@code features} into arrays the caller keeps, overwriting every
     * entry. A caller that scores again and again (each period of a simulation, a benchmark) saves allocating and
     * zeroing 7 bytes per customer each time (70 MB at ten million) and the garbage collections that follow:
     * arrays that large go straight to the old generation. If an exception is thrown, the arrays' contents are
     * unspecified.
     *
     * @throws IllegalArgumentException if {@code into} is not sized for {@code features.size()} customers, or as
     *     {@link RfmModel#scores} and {@link AbcModel#assign} throw on bad input
     */
    public void score(CustomerFeatures features, Result into) {
        if (into.size() != features.size()) {
            throw new IllegalArgumentException("the result arrays hold " + into.size() + " customers, the features "
                    + features.size());
        }
        if (together(features, into)) {
            return;
        }
        RfmScores scores = apart(features, into.classes());
        System.arraycopy(scores.r(), 0, into.scores().r(), 0, into.size());
        System.arraycopy(scores.f(), 0, into.scores().f(), 0, into.size());
        System.arraycopy(scores.m(), 0, into.scores().m(), 0, into.size());
    }

    /** The two models one after the other: the classes into {@code classes}, the scores returned. */
    private RfmScores apart(CustomerFeatures features, int[] classes) {
        RfmScores scores = rfm.scores(features);
        abc.assign(features, classes);
        return scores;
    }

    /** Whether the two models' settings allow the two-pass path (the data may still rule it out). */
    private boolean shares() {
        if (!abc.valueColumn().equals(CustomerFeatures.MONETARY)) {
            return false; // ABC ranks by another column: nothing to share
        }
        // custom recency breaks are in days and reversed: RfmModel's own path
        return rfm.recencyBinning() instanceof Binning.Quantile || rfm.recencyBinning() instanceof Binning.EqualCount;
    }

    /**
     * The two-pass path into {@code out}; false if it does not apply (then {@code out.classes()} may hold the
     * profile pass's slots, and everything is overwritten by the models apart).
     */
    private boolean together(CustomerFeatures features, Result out) {
        if (!shares()) {
            return false;
        }
        double[] recency = features.numeric(CustomerFeatures.RECENCY);
        double[] frequency = features.numeric(CustomerFeatures.FREQUENCY);
        double[] money = features.numeric(CustomerFeatures.MONETARY);
        Buckets buckets = Buckets.sampled(money, false, true);
        if (buckets.lo() < 0) {
            return false; // no positive money sampled: values <= 0 would not all fall in bucket 0
        }
        boolean checkWhole = ColumnProfile.sampledWhole(money);
        int n = money.length;
        // the classes array first holds what the profile pass keeps per customer (see RfmScan)
        List<RfmScan> parts = Chunks.map(n,
                (c, from, to) -> RfmScan.of(recency, frequency, money, buckets, checkWhole, from, to, out.classes()));
        if (parts.contains(null) || parts.stream().anyMatch(p -> p.money().bad())) {
            return false;
        }
        ColumnProfile rp = ColumnProfile.counted(parts.stream().map(RfmScan::recency).toList(), money.length);
        ColumnProfile fp = ColumnProfile.counted(parts.stream().map(RfmScan::frequency).toList(), money.length);
        if (fp.nan() > 0) {
            return false; // RfmModel names the customer
        }
        List<MoneyScan> moneyParts = parts.stream().map(RfmScan::money).toList();
        ColumnProfile mp = ColumnProfile.scanned(moneyParts.stream().map(MoneyScan::scan).toList(), buckets,
                money.length);
        Tiles.Tables rt = Tiles.tables(rfm.recencyBinning(), recency, true, rp, rfm.bins());
        Tiles.Tables ft = Tiles.tables(rfm.frequencyBinning(), frequency, false, fp, rfm.bins());
        BucketTiles mt = Tiles.bucketTiles(rfm.monetaryBinning(), money, mp, rfm.bins());
        byte[] mTable = mt == null ? null : mt.table();
        if (rt == null || ft == null || mTable == null) {
            return false; // heavy money ties, all recency missing, no customers: the paths apart handle these
        }
        ShareCuts.Classes classes = ShareCuts.Classes.of(buckets, moneyParts.stream().map(MoneyScan::positiveCounts)
                .toList(), moneyParts.stream().map(MoneyScan::sums).toList(), abc.cumulativeBounds());
        int[][] mAside = mt.newSetAside(mTable);
        int[][] abcAside = classes.newSetAside();
        Lookups lookups = Lookups.of(rt, ft, mTable, classes);
        Chunks.map(n, (c, from, to) -> {
            new Assignment(parts.get(c), from, lookups, out).run(to, mAside[c], abcAside[c]);
            return null;
        });
        // a few ten thousand customers, each set sorted apart: the two cores take one each
        Chunks.both(() -> mt.scoreSetAside(mTable, mAside, out.scores().m()),
                () -> classes.classifySetAside(money, abcAside, out.classes()));
        features.release(CustomerFeatures.RECENCY);
        features.release(CustomerFeatures.FREQUENCY);
        features.release(CustomerFeatures.MONETARY);
        return true;
    }

    /**
     * The assignment pass's tables, indexed by what {@link RfmScan} kept per customer: per segment (see
     * {@link Assignment#run}), the recency and the frequency score of each count slot, and per money code the
     * monetary score (low byte) and the class (the bits above) in one int, so one lookup serves both; a negative
     * score or class sets the customer aside. Sized to powers of two so that the index masks prove every lookup
     * in range.
     */
    private record Lookups(Tiles.Tables rt, Tiles.Tables ft, byte[][] r, byte[][] f, int[] money) {
        private static final int SLOTS = 1 << RfmScan.SLOT_BITS;

        static Lookups of(Tiles.Tables rt, Tiles.Tables ft, byte[] mTable, ShareCuts.Classes classes) {
            // a customer who never bought (recency NaN) scores 1; frequency has no NaN on this path
            byte[][] r = bySlot(rt, (byte) 1);
            byte[][] f = bySlot(ft, (byte) 0);
            int size = Integer.highestOneBit(mTable.length) << 1; // > mTable.length: room for code 0
            int[] money = new int[size];
            money[0] = pack(mTable[0], classes.last()); // money <= 0 lies in bucket 0, in the last class
            for (int b = 0; b < mTable.length; b++) {
                money[b + 1] = pack(mTable[b], classes.classOf()[b]);
            }
            return new Lookups(rt, ft, r, f, money);
        }

        /** A monetary score and a class in one int: the score in the low byte, the class (signed) above. */
        private static int pack(byte score, int cls) {
            return score & 0xFF | cls << 8;
        }

        /** Per segment of {@code t}, the score of each count slot: the slot's value looked up as Tiles does. */
        private static byte[][] bySlot(Tiles.Tables t, byte nanScore) {
            byte[][] out = new byte[t.table().length][];
            for (int k = 0; k < out.length; k++) {
                byte[] table = t.table()[k];
                byte[] scores = new byte[SLOTS];
                for (int x = 0; x < ColumnProfile.SMALL; x++) {
                    int at = (int) ((t.negate() ? -x : x) - t.lo());
                    scores[x] = at >= 0 && at < table.length ? table[at] : 0;
                }
                scores[ColumnProfile.SMALL] = nanScore;
                out[k] = scores;
            }
            return out;
        }
    }

    /**
     * The assignment pass over one chunk, starting at index {@code from}, from what the chunk's {@code scan}
     * kept per customer.
     */
    private record Assignment(RfmScan scan, int from, Lookups lookups, Result out) {

        /**
         * Runs segment by segment: between the indices where a recency or a frequency tie is split (equal-count
         * binning), both score tables are fixed.
         */
        void run(int end, int[] mAside, int[] abcAside) {
            Tiles.Tables rt = lookups.rt();
            Tiles.Tables ft = lookups.ft();
            int kr = rt.segmentOf(from);
            int kf = ft.segmentOf(from);
            int[] kept = new int[2];
            for (int i = from; i < end;) {
                int stop = Math.min(end, Math.min(rt.seg()[kr + 1], ft.seg()[kf + 1]));
                run(i, stop, lookups.r()[kr], lookups.f()[kf], mAside, abcAside, kept);
                i = stop;
                kr += rt.seg()[kr + 1] == i ? 1 : 0;
                kf += ft.seg()[kf + 1] == i ? 1 : 0;
            }
        }

        private void run(int start, int to, byte[] rBySlot, byte[] fBySlot, int[] mAside, int[] abcAside,
                int[] kept) {
            char[] codes = scan.moneyCodes();
            int[] moneyByCode = lookups.money();
            int slotMask = rBySlot.length - 1;
            byte[] r = out.scores().r();
            byte[] f = out.scores().f();
            byte[] m = out.scores().m();
            int[] abc = out.classes(); // holds the slots until overwritten
            int mKept = kept[0];
            int abcKept = kept[1];
            for (int i = start; i < to; i++) {
                int slot = abc[i];
                r[i] = rBySlot[slot & slotMask];
                f[i] = fBySlot[(slot >>> RfmScan.SLOT_BITS) & slotMask];
                int packed = moneyByCode[codes[i - from] & (moneyByCode.length - 1)];
                byte s = (byte) packed;
                m[i] = s;
                int k = packed >> 8;
                abc[i] = k;
                if ((packed & 0x80000080) != 0) { // the score's or the class's sign bit: rare, so one test
                    if (s < 0) {
                        mAside[mKept++] = i;
                    }
                    if (k < 0) {
                        abcAside[abcKept++] = i;
                    }
                }
            }
            kept[0] = mKept;
            kept[1] = abcKept;
        }
    }
}
