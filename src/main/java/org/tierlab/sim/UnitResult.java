package org.tierlab.sim;

/**
 * Everything one replication of one strategy produced: plain arrays, so results can be shipped between
 * machines and combined in any order.
 *
 * @param period [PeriodMetric][measured period]
 * @param staffHours [role][measured period]
 * @param unmetHours [role][measured period]
 * @param tier [TierMetric][tier][measured period]; tiers are the model's plus "unassigned" last
 * @param migrations [from tier][to tier] customers moving at re-tiering points
 * @param summary [SummaryMetric]
 * @param staffTotal [role] staff hours over the horizon
 * @param unmetTotal [role] unmet hours over the horizon
 * @param concentration revenue share of the top q % of customers, q = 0..100
 */
public record UnitResult(double[][] period, double[][] staffHours, double[][] unmetHours, double[][][] tier,
        long[][] migrations, double[] summary, double[] staffTotal, double[] unmetTotal, double[] concentration) {
}
