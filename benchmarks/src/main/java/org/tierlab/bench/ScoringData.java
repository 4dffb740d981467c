package org.tierlab.bench;

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
}
