package org.tierlab.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.tierlab.score.CustomerFeatures;

/**
 * The benchmark population: realistic ties as in a retail base. About 40 % of customers bought once,
 * frequency otherwise 2..50, recency in whole days over two years, monetary in cents.
 */
final class ScoringData {
    final int n;
    final double[] recency;
    final double[] frequency;
    final double[] monetary;

    ScoringData(int n, long seed) {
        this.n = n;
        SplittableRandom r = new SplittableRandom(seed);
        recency = new double[n];
        frequency = new double[n];
        monetary = new double[n];
        for (int i = 0; i < n; i++) {
            frequency[i] = r.nextDouble() < 0.4 ? 1 : 2 + r.nextInt(49);
            recency[i] = r.nextInt(730);
            monetary[i] = Math.round(frequency[i] * (5 + r.nextDouble() * r.nextDouble() * 200) * 100) / 100.0;
        }
    }

    CustomerFeatures features() {
        return CustomerFeatures.of(n).put(CustomerFeatures.RECENCY, recency)
                .put(CustomerFeatures.FREQUENCY, frequency).put(CustomerFeatures.MONETARY, monetary);
    }

    /**
     * The RFM columns plus every column the other models read, drawn from a second stream so that R, F and M stay
     * those of {@link #features()}: tenure in whole days (at least the recency), trend, a survey answer for 30 %
     * of customers, 2 % leads, 5 % known to have left, repurchase rate, profit (negative for some), the
     * five-factor judgement scores 1..10, and an industry among five.
     */
    CustomerFeatures allFeatures(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] tenure = new double[n];
        double[] trend = new double[n];
        double[] survey = new double[n];
        double[] lead = new double[n];
        double[] churned = new double[n];
        double[] repurchase = new double[n];
        double[] profit = new double[n];
        double[] standing = new double[n];
        double[] strategic = new double[n];
        int[] industry = new int[n];
        for (int i = 0; i < n; i++) {
            tenure[i] = recency[i] + r.nextInt(3650);
            trend[i] = Math.round((r.nextDouble() - 0.5) * 8 * 100) / 100.0;
            survey[i] = r.nextDouble() < 0.3 ? r.nextInt(11) : Double.NaN;
            lead[i] = r.nextDouble() < 0.02 ? 1 : 0;
            churned[i] = r.nextDouble() < 0.05 ? 1 : 0;
            repurchase[i] = frequency[i] == 1 ? 0 : Math.round(r.nextDouble() * 100) / 100.0;
            profit[i] = Math.round((monetary[i] * 0.3 - r.nextDouble() * 50) * 100) / 100.0;
            standing[i] = 1 + r.nextInt(10);
            strategic[i] = 1 + r.nextInt(10);
            industry[i] = r.nextInt(5);
        }
        return features().put(CustomerFeatures.TENURE, tenure).put(CustomerFeatures.TREND, trend)
                .put(CustomerFeatures.SURVEY, survey).put(CustomerFeatures.LEAD, lead)
                .put(CustomerFeatures.CHURNED, churned).put(CustomerFeatures.REPURCHASE, repurchase)
                .put(CustomerFeatures.PROFIT, profit).put("annual_value", monetary)
                .put("industry_standing", standing).put("strategic_value", strategic)
                .putCategorical("industry", industry, List.of("software", "finance", "retail", "industry", "public"));
    }
}
