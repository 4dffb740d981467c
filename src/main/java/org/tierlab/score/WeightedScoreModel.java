package org.tierlab.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * A weighted multi-factor score: each factor (a numeric feature) is normalised to [0, 1], the weighted mean
 * of the normalised factors is scaled to 0-100, and the score is cut into tiers by descending thresholds: a
 * score at or above the first threshold is the first tier, and so on; below the last threshold is the last tier.
 */
public final class WeightedScoreModel implements TieringModel {
    private final List<Factor> factors;
    private final double[] thresholds;
    private final List<String> names;
    private final double weightSum;

    /** How a factor is brought to [0, 1]. */
    public enum Normalisation {
        /** (x - min) / (max - min); 0.5 for everybody when all values are equal. */
        MINMAX,
        /** Mid-rank percentile: (number below + half the number equal) / n; ties share a value. */
        PERCENTILE,
        /** The normal CDF of the z-score (x - mean) / sd; 0.5 for everybody when sd is 0. */
        ZSCORE
    }

    /**
     * One factor.
     *
     * @param feature numeric feature name
     * @param weight its weight (>= 0)
     * @param normalisation how it is normalised
     */
    public record Factor(String feature, double weight, Normalisation normalisation) {
        /** Checks the weight. */
        public Factor {
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("factor '" + feature + "': weight must be a finite number >= 0");
            }
        }
    }

    private WeightedScoreModel(List<Factor> factors, double[] thresholds, List<String> names) {
        this.factors = List.copyOf(factors);
        this.thresholds = thresholds.clone();
        this.names = List.copyOf(names);
        double sum = 0;
        for (Factor f : factors) {
            sum += f.weight();
        }
        this.weightSum = sum;
    }

    /**
     * A weighted score model.
     *
     * @param thresholds strictly descending cut-offs in (0, 100]
     * @param names tier names, one more than thresholds, or {@code null} for Tier 1, Tier 2, ...
     */
    public static WeightedScoreModel of(List<Factor> factors, double[] thresholds, List<String> names) {
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("at least one factor is required");
        }
        double sum = factors.stream().mapToDouble(Factor::weight).sum();
        if (!(sum > 0)) {
            throw new IllegalArgumentException("factor weights must sum to a positive number, they sum to " + sum);
        }
        for (int j = 0; j < thresholds.length; j++) {
            if (!(thresholds[j] >= 0 && thresholds[j] <= 100) || j > 0 && !(thresholds[j] < thresholds[j - 1])) {
                throw new IllegalArgumentException("thresholds must be strictly descending numbers in 0..100: "
                        + Arrays.toString(thresholds));
            }
        }
        List<String> n = names;
        if (n == null) {
            n = new ArrayList<>();
            for (int k = 0; k <= thresholds.length; k++) {
                n.add("Tier " + (k + 1));
            }
        }
        if (n.size() != thresholds.length + 1) {
            throw new IllegalArgumentException(thresholds.length + " thresholds make " + (thresholds.length + 1)
                    + " tiers, but " + n.size() + " names were given");
        }
        return new WeightedScoreModel(factors, thresholds, n);
    }

    /**
     * The five-factor table of the source material: annual purchases (annual_value) 30 %, years of cooperation
     * (tenure) 20 %, repurchase rate 20 %, industry standing 15 %, strategic value 15 %, each min-max
     * normalised; cut-offs 95 / 80 / 65 / 50 into Strategic, Key, Important, Regular and Basic. The last two
     * factors are judgement scores a company records per account (numeric columns industry_standing and
     * strategic_value).
     */
    public static WeightedScoreModel fiveFactor() {
        return of(List.of(new Factor(CustomerFeatures.ANNUAL_VALUE, 0.30, Normalisation.MINMAX),
                new Factor(CustomerFeatures.TENURE, 0.20, Normalisation.MINMAX),
                new Factor(CustomerFeatures.REPURCHASE, 0.20, Normalisation.MINMAX),
                new Factor("industry_standing", 0.15, Normalisation.MINMAX),
                new Factor("strategic_value", 0.15, Normalisation.MINMAX)),
                new double[] {95, 80, 65, 50}, List.of("Strategic", "Key", "Important", "Regular", "Basic"));
    }

    @Override
    public List<String> tierNames() {
        return names;
    }

    /** The 0-100 score of every customer. */
    public double[] scores(CustomerFeatures f) {
        int n = f.size();
        double[] score = new double[n];
        for (Factor factor : factors) {
            ColumnProfile profile = Columns.profile(f, factor.feature(), true);
            double[] norm = normalise(f.numeric(factor.feature()), factor.normalisation(), profile);
            f.release(factor.feature()); // a lazy column is not kept alive while the next one is computed
            double w = factor.weight() / weightSum * 100;
            Chunks.forEach(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    score[i] += w * norm[i];
                }
            });
        }
        return score;
    }

    @Override
    public void assign(CustomerFeatures f, int[] out) {
        double[] score = scores(f);
        Chunks.forEach(score.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                int k = 0;
                // a tiny tolerance so that a score of exactly 95 computed as 94.99999999 still makes the cut
                while (k < thresholds.length && score[i] < thresholds[k] - 1e-9) {
                    k++;
                }
                out[i] = k;
            }
        });
    }

    /** Each value of a column of finite values normalised to [0, 1] by {@code how}. */
    static double[] normalise(double[] x, Normalisation how) {
        return normalise(x, how, ColumnProfile.of(x));
    }

    /** Each value normalised to [0, 1]; {@code p} is the column's profile (its minimum, maximum, value counts). */
    private static double[] normalise(double[] x, Normalisation how, ColumnProfile p) {
        int n = x.length;
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        switch (how) {
            case MINMAX -> {
                double s = overflowScale(p);
                double min = p.min() * s;
                double max = p.max() * s;
                Chunks.forEach(n, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        out[i] = max > min ? (x[i] * s - min) / (max - min) : 0.5;
                    }
                });
            }
            case ZSCORE -> {
                double s = overflowScale(p);
                // sums in input order, as before the loops ran in parallel: the same bits on every machine
                double mean = 0;
                for (double v : x) {
                    mean += v * s;
                }
                mean /= n;
                double ss = 0;
                for (double v : x) {
                    ss += (v * s - mean) * (v * s - mean);
                }
                double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
                normalCdf(x, s, p, mean, sd, out);
            }
            default -> MidRanks.of(x, p, out);
        }
        return out;
    }

    /**
     * A power of two that brings the column's largest magnitude near 1 when it is so large that a range, a sum
     * or a square of differences could overflow to infinity (and every score turn NaN, which no threshold
     * rejects: the top tier for all); 1 otherwise. Scaling by a power of two is exact, and min-max and z-score
     * normalisations do not depend on the scale.
     */
    private static double overflowScale(ColumnProfile p) {
        double largest = Math.max(Math.abs(p.min()), Math.abs(p.max()));
        return largest > 1e150 ? Math.scalb(1.0, -Math.getExponent(largest)) : 1;
    }

    /**
     * The normal CDF of each value's z-score (0.5 for all when sd is 0). The error function costs about 150 ns,
     * so columns of small whole numbers (tenure in days, survey answers) evaluate it once per distinct value
     * and look it up; the values are the same either way. Values are multiplied by {@code scale} (see
     * {@link #overflowScale}), as the mean and sd were.
     */
    private static void normalCdf(double[] x, double scale, ColumnProfile p, double mean, double sd, double[] out) {
        double[] table = null;
        int lo = 0;
        if (p.counts() != null && sd > 0) {
            lo = (int) p.min();
            table = new double[p.counts().length];
            for (int k = 0; k < table.length; k++) {
                table[k] = p.counts()[k] == 0 ? 0 : cdf(lo + k, mean, sd);
            }
        }
        double[] known = table;
        int first = lo;
        Chunks.forEach(x.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = sd == 0 ? 0.5 : known != null ? known[(int) x[i] - first] : cdf(x[i] * scale, mean, sd);
            }
        });
    }

    private static double cdf(double v, double mean, double sd) {
        return 0.5 * (1 + Erf.erf((v - mean) / (sd * Math.sqrt(2))));
    }
}
