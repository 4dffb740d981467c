package org.tierlab.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/** Gains-curve and rank-correlation arithmetic for {@link ReplayTables}. */
final class Gains {
    private Gains() {
    }

    /** One point of a reference gains curve. */
    record Point(String model, double customerShare, double revenueShare, double transactionShare) {
    }

    /**
     * Spearman's rho between tier rank and a holdout value over the tiered customers. Tier index 0 is the best
     * tier, so the rank key is minus the index; ties get average ranks (commons-math's NaturalRanking), as the
     * statistic requires. NaN when either side is constant.
     */
    static double spearman(int[] tiers, double[] value) {
        int n = 0;
        for (int t : tiers) {
            n += t >= 0 ? 1 : 0;
        }
        double[] key = new double[n];
        double[] v = new double[n];
        int k = 0;
        for (int c = 0; c < tiers.length; c++) {
            if (tiers[c] >= 0) {
                key[k] = -tiers[c];
                v[k++] = value[c];
            }
        }
        if (n < 3 || constant(key) || constant(v)) {
            return Double.NaN;
        }
        return new SpearmansCorrelation().correlation(key, v);
    }

    private static boolean constant(double[] a) {
        for (double x : a) {
            if (x != a[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Share of holdout revenue captured by the first {@code customerShare} of customers taken tier by tier, the
     * tier that straddles the cut taken proportionally (its customers are interchangeable to the model).
     */
    static double captureAt(double customerShare, TierSums t) {
        double target = customerShare * t.totalCustomers();
        double taken = 0;
        double revenue = 0;
        for (int k = 0; k < t.customers.length && taken < target; k++) {
            double part = Math.min(t.customers[k], target - taken);
            revenue += t.customers[k] == 0 ? 0 : t.revenue[k] * part / t.customers[k];
            taken += part;
        }
        double total = t.totalRevenue();
        return total == 0 ? Double.NaN : revenue / total;
    }

    /** The most revenue any ranking could capture with the first {@code customerShare} of tiered customers. */
    static double oracleCaptureAt(double customerShare, int[] tiers, double[] revenue) {
        double[] sorted = sortedDescending(tiers, revenue);
        double target = customerShare * sorted.length;
        double total = Arrays.stream(sorted).sum();
        double got = 0;
        for (int i = 0; i < sorted.length && i < target; i++) {
            got += sorted[i] * Math.min(1, target - i);
        }
        return total == 0 ? Double.NaN : got / total;
    }

    /** The oracle curve (100 steps) and the random diagonal, over the customers tiered in {@code tiers}. */
    static List<Point> oracle(int[] tiers, double[] revenue, double[] transactions) {
        double[] r = sortedDescending(tiers, revenue);
        double[] x = sortedDescending(tiers, transactions);
        double totalR = Arrays.stream(r).sum();
        double totalX = Arrays.stream(x).sum();
        List<Point> out = new ArrayList<>();
        double cumR = 0;
        double cumX = 0;
        int next = 0;
        out.add(new Point("oracle", 0, 0, 0));
        for (int step = 1; step <= 100; step++) {
            int upTo = (int) Math.round(step / 100.0 * r.length);
            for (; next < upTo; next++) {
                cumR += r[next];
                cumX += x[next];
            }
            out.add(new Point("oracle", step / 100.0, totalR == 0 ? 0 : cumR / totalR, totalX == 0 ? 0 : cumX / totalX));
        }
        out.add(new Point("random", 0, 0, 0));
        out.add(new Point("random", 1, 1, 1));
        return out;
    }

    private static double[] sortedDescending(int[] tiers, double[] value) {
        double[] v = new double[tiers.length];
        int n = 0;
        for (int c = 0; c < tiers.length; c++) {
            if (tiers[c] >= 0) {
                v[n++] = value[c];
            }
        }
        double[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double tmp = s[i];
            s[i] = s[j];
            s[j] = tmp;
        }
        return s;
    }
}
