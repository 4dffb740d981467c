package org.tierlab.scenario;

import java.util.List;

/**
 * One segment of the synthetic population: its share and the distributions its customers are drawn from.
 *
 * @param name segment name
 * @param share share of the starting customers (all shares sum to 1)
 * @param rateShape gamma shape r of the per-period purchase rate across customers
 * @param rateRate gamma rate alpha (periods) of the purchase rate; mean rate is r / alpha per period
 * @param dropout how customers leave
 * @param spendP gamma-gamma p: shape of the value of one transaction
 * @param spendQ gamma-gamma q: shape of the customer-level rate nu
 * @param spendGamma gamma-gamma gamma: rate of nu; mean spend is p * gamma / (q - 1)
 * @param margin gross margin as a share of revenue
 * @param contractPeriods contract length in periods, 0 for no contract
 * @param satisfactionMean mean initial satisfaction (0-10)
 * @param satisfactionSd sd of initial satisfaction
 * @param tenureMin minimum periods as a customer before period 0
 * @param tenureMax maximum periods as a customer before period 0
 * @param attributes categorical attributes with their level shares
 */
public record Segment(String name, double share, double rateShape, double rateRate, Dropout dropout,
        double spendP, double spendQ, double spendGamma, double margin, int contractPeriods,
        double satisfactionMean, double satisfactionSd, int tenureMin, int tenureMax, List<Attribute> attributes) {
    /** Validates every parameter. */
    public Segment {
        Checks.probability("share", share);
        Checks.positive("purchase_rate.shape", rateShape);
        Checks.positive("purchase_rate.rate", rateRate);
        Checks.positive("spend.p", spendP);
        Checks.positive("spend.q", spendQ);
        Checks.positive("spend.gamma", spendGamma);
        Checks.probability("margin", margin);
        if (contractPeriods < 0 || tenureMin < 0 || tenureMax < tenureMin) {
            throw new IllegalArgumentException("contract and tenure must be >= 0 and tenure.min <= tenure.max");
        }
        Checks.nonNegative("satisfaction.sd", satisfactionSd);
        attributes = List.copyOf(attributes);
    }

    /** Mean purchases per period of a customer who stays: r / alpha. */
    public double meanRate() {
        return rateShape / rateRate;
    }

    /** A categorical attribute of a segment: level names and their shares (summing to 1). */
    public record Attribute(String name, List<String> levels, double[] shares) {
        /** Validates the shares. */
        public Attribute {
            levels = List.copyOf(levels);
            shares = shares.clone();
            if (levels.size() != shares.length || levels.isEmpty()) {
                throw new IllegalArgumentException("attribute " + name + " needs one share per level");
            }
        }
    }
}
