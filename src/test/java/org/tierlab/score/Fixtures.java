package org.tierlab.score;

import java.util.List;
import java.util.SplittableRandom;

/** Test inputs for the scoring models. */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * Customers with realistic ties: about 40 % bought once, recency in whole days, monetary with ties at
     * round amounts, an industry attribute, survey answers for some.
     */
    static CustomerFeatures customers(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        double[] tenure = new double[n];
        double[] survey = new double[n];
        double[] annual = new double[n];
        double[] trend = new double[n];
        double[] lead = new double[n];
        double[] churned = new double[n];
        double[] repurchase = new double[n];
        double[] standing = new double[n];
        double[] strategic = new double[n];
        int[] industry = new int[n];
        for (int i = 0; i < n; i++) {
            frequency[i] = r.nextDouble() < 0.4 ? 1 : 2 + r.nextInt(30);
            recency[i] = r.nextInt(540);
            monetary[i] = r.nextDouble() < 0.3 ? 50 * (1 + r.nextInt(4)) : Math.round(frequency[i] * r.nextDouble() * 400);
            tenure[i] = recency[i] + r.nextInt(1500);
            survey[i] = r.nextDouble() < 0.3 ? r.nextInt(11) : Double.NaN;
            annual[i] = monetary[i] * 365 / Math.max(30, tenure[i]);
            trend[i] = r.nextInt(7) - 3;
            lead[i] = 0;
            churned[i] = r.nextDouble() < 0.05 ? 1 : 0;
            repurchase[i] = Math.min(1, (frequency[i] - 1) / 30);
            standing[i] = r.nextInt(5);
            strategic[i] = r.nextInt(5);
            industry[i] = r.nextInt(3);
        }
        return CustomerFeatures.of(n).put(CustomerFeatures.RECENCY, recency).put(CustomerFeatures.FREQUENCY, frequency)
                .put(CustomerFeatures.MONETARY, monetary).put(CustomerFeatures.TENURE, tenure)
                .put(CustomerFeatures.SURVEY, survey).put("annual_value", annual).put(CustomerFeatures.TREND, trend)
                .put(CustomerFeatures.LEAD, lead).put(CustomerFeatures.CHURNED, churned)
                .put(CustomerFeatures.REPURCHASE, repurchase).put("industry_standing", standing)
                .put("strategic_value", strategic).put(CustomerFeatures.PROFIT, monetary.clone())
                .putCategorical("industry", industry, List.of("software", "finance", "retail"));
    }

    /** The rows {@code rows} of {@code f}, in that order. */
    static CustomerFeatures permute(CustomerFeatures f, int[] rows) {
        CustomerFeatures out = CustomerFeatures.of(rows.length);
        for (String name : f.numericNames()) {
            double[] src = f.numeric(name);
            double[] dst = new double[rows.length];
            for (int j = 0; j < rows.length; j++) {
                dst[j] = src[rows[j]];
            }
            out.put(name, dst);
        }
        for (String name : f.categoricalNames()) {
            CustomerFeatures.Categorical c = f.categorical(name);
            int[] dst = new int[rows.length];
            for (int j = 0; j < rows.length; j++) {
                dst[j] = c.codes()[rows[j]];
            }
            out.putCategorical(name, dst, c.levels());
        }
        return out;
    }

    /** A feature set with only the given numeric columns. */
    static CustomerFeatures of(String name, double... values) {
        return CustomerFeatures.of(values.length).put(name, values);
    }
}
