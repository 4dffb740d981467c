package org.tierlab.sim;

import java.util.Arrays;
import org.tierlab.scenario.Scenario;
import org.tierlab.scenario.Strategy;

/**
 * The accountant of one simulation: counts what happens during a period (sales, deaths, answers, staff
 * minutes) overall and per tier, turns the counts into the period's metrics when the period ends, and the
 * whole horizon into summary metrics at the end. Counts made during warm-up are discarded.
 */
final class Ledger {
    private final int periods;
    private final int tiers;
    private final double[][] period;
    private final double[][][] tier;
    private final double[][] staff;
    private final double[][] unmet;
    private final long[][] migrations;

    private int p = -1;
    // this period, overall
    private double revenue;
    private long transactions;
    private double margin;
    private double cost;
    private int promoters;
    private int detractors;
    private int answers;
    private double satSum;
    int leadsAtStart;
    int conversions;
    int cohortSize;
    // this period, per tier
    private final int[] tierAlive;
    private final int[] tierDeaths;
    private final double[] tierRevenue;
    private final double[] tierSat;
    private final int[] tierSatCount;
    private final int[] tierPromoters;
    private final int[] tierDetractors;
    private final int[] tierAnswers;
    private final int[] tierMembers;
    // whole horizon
    private long renewalsDue;
    private long renewed;
    private long totalPromoters;
    private long totalDetractors;
    private long totalAnswers;
    private long totalLeadPeriods;
    private long totalConversions;

    Ledger(int periods, int tiers, int roles) {
        this.periods = periods;
        this.tiers = tiers;
        period = new double[PeriodMetric.values().length][periods];
        tier = new double[TierMetric.values().length][tiers][periods];
        staff = new double[roles][periods];
        unmet = new double[roles][periods];
        migrations = new long[tiers][tiers];
        tierAlive = new int[tiers];
        tierDeaths = new int[tiers];
        tierRevenue = new double[tiers];
        tierSat = new double[tiers];
        tierSatCount = new int[tiers];
        tierPromoters = new int[tiers];
        tierDetractors = new int[tiers];
        tierAnswers = new int[tiers];
        tierMembers = new int[tiers];
    }

    /** Starts period {@code measuredIndex} (-1 during warm-up). */
    void startPeriod(int measuredIndex) {
        p = measuredIndex;
        revenue = 0;
        transactions = 0;
        margin = 0;
        cost = 0;
        promoters = 0;
        detractors = 0;
        answers = 0;
        satSum = 0;
        leadsAtStart = 0;
        conversions = 0;
        Arrays.fill(tierAlive, 0);
        Arrays.fill(tierDeaths, 0);
        Arrays.fill(tierRevenue, 0);
        Arrays.fill(tierSat, 0);
        Arrays.fill(tierSatCount, 0);
        Arrays.fill(tierPromoters, 0);
        Arrays.fill(tierDetractors, 0);
        Arrays.fill(tierAnswers, 0);
        Arrays.fill(tierMembers, 0);
    }

    void sale(int k, double value, double grossMargin, int transactions) {
        this.transactions += transactions;
        revenue += value;
        margin += grossMargin;
        tierRevenue[k] += value;
    }

    void aliveAtStart(int k) {
        tierAlive[k]++;
    }

    void death(int k) {
        tierDeaths[k]++;
    }

    void satisfaction(int k, double sat) {
        satSum += sat;
        tierSat[k] += sat;
        tierSatCount[k]++;
    }

    void answer(int k, int answer) {
        answers++;
        tierAnswers[k]++;
        if (answer >= 9) {
            promoters++;
            tierPromoters[k]++;
        } else if (answer <= 6) {
            detractors++;
            tierDetractors[k]++;
        }
    }

    void renewal(boolean ok) {
        if (p >= 0) {
            renewalsDue++;
            if (ok) {
                renewed++;
            }
        }
    }

    void migration(int from, int to) {
        if (p >= 0) {
            migrations[from][to]++;
        }
    }

    void staff(int role, double minutes) {
        staff[role][p] += minutes / 60;
    }

    void unmet(int role, double minutes) {
        unmet[role][p] += minutes / 60;
    }

    void cost(double amount) {
        cost += amount;
    }

    /** This period's service cost so far, for a loop that keeps the running total in a local. */
    double cost() {
        return cost;
    }

    void setCost(double total) {
        cost = total;
    }

    /** This period's staffed hours of a role so far. */
    double staffHours(int role) {
        return staff[role][p];
    }

    /** This period's unmet hours of a role so far. */
    double unmetHours(int role) {
        return unmet[role][p];
    }

    void setHours(int role, double staffed, double unmetHours) {
        staff[role][p] = staffed;
        unmet[role][p] = unmetHours;
    }

    void members(int k, int count) {
        tierMembers[k] = count;
    }

    /** Closes a measured period with the counts only a full pass can give. */
    void endPeriod(int active, int cohortAlive, int eligible, int repeat) {
        set(PeriodMetric.ACTIVE, active);
        set(PeriodMetric.RETENTION, ratio(cohortAlive, cohortSize));
        // overall counts are the sums of the per-tier ones: the hot loop keeps only those
        set(PeriodMetric.CHURN_RATE, ratio(total(tierDeaths), total(tierAlive)));
        set(PeriodMetric.REPURCHASE_RATE, ratio(repeat, eligible));
        set(PeriodMetric.NPS, nps(promoters, detractors, answers));
        set(PeriodMetric.SATISFACTION, ratio(satSum, total(tierSatCount)));
        set(PeriodMetric.TRANSACTIONS, transactions);
        set(PeriodMetric.REVENUE, revenue);
        set(PeriodMetric.SERVICE_COST, cost);
        set(PeriodMetric.PROFIT, margin - cost);
        set(PeriodMetric.LEAD_CONVERSION, ratio(conversions, leadsAtStart));
        for (int k = 0; k < tiers; k++) {
            tier[TierMetric.SIZE.ordinal()][k][p] = tierMembers[k];
            tier[TierMetric.CHURN_RATE.ordinal()][k][p] = ratio(tierDeaths[k], tierAlive[k]);
            tier[TierMetric.REVENUE.ordinal()][k][p] = tierRevenue[k];
            tier[TierMetric.SATISFACTION.ordinal()][k][p] = ratio(tierSat[k], tierSatCount[k]);
            tier[TierMetric.NPS.ordinal()][k][p] = nps(tierPromoters[k], tierDetractors[k], tierAnswers[k]);
        }
        totalPromoters += promoters;
        totalDetractors += detractors;
        totalAnswers += answers;
        totalLeadPeriods += leadsAtStart;
        totalConversions += conversions;
    }

    private static long total(int[] perTier) {
        long sum = 0;
        for (int v : perTier) {
            sum += v;
        }
        return sum;
    }

    private void set(PeriodMetric m, double v) {
        period[m.ordinal()][p] = v;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    private static double nps(long promoters, long detractors, long answers) {
        return answers == 0 ? Double.NaN : 100.0 * (promoters - detractors) / answers;
    }

    /** Freezes everything into a {@link UnitResult}. */
    UnitResult finish(Customers people, CustomerState s, Scenario scenario, Strategy strategy, int[] scratch) {
        double[] summary = new double[SummaryMetric.values().length];
        int roles = staff.length;
        double[] staffTotal = new double[roles];
        double[] unmetTotal = new double[roles];
        for (int r = 0; r < roles; r++) {
            staffTotal[r] = sum(staff[r]);
            unmetTotal[r] = sum(unmet[r]);
        }
        summary[SummaryMetric.RETENTION.ordinal()] = period[PeriodMetric.RETENTION.ordinal()][periods - 1];
        summary[SummaryMetric.CHURN_RATE.ordinal()] = mean(period[PeriodMetric.CHURN_RATE.ordinal()]);
        summary[SummaryMetric.RENEWAL_RATE.ordinal()] = ratio(renewed, renewalsDue);
        summary[SummaryMetric.REPURCHASE_RATE.ordinal()] = mean(period[PeriodMetric.REPURCHASE_RATE.ordinal()]);
        summary[SummaryMetric.NPS.ordinal()] = nps(totalPromoters, totalDetractors, totalAnswers);
        summary[SummaryMetric.SATISFACTION.ordinal()] = mean(period[PeriodMetric.SATISFACTION.ordinal()]);
        summary[SummaryMetric.LEAD_CONVERSION.ordinal()] = ratio(totalConversions, totalLeadPeriods);
        summary[SummaryMetric.STAFF_HOURS.ordinal()] = sum(staffTotal);
        summary[SummaryMetric.UNMET_HOURS.ordinal()] = sum(unmetTotal);
        summary[SummaryMetric.REVENUE.ordinal()] = sum(period[PeriodMetric.REVENUE.ordinal()]);
        summary[SummaryMetric.SERVICE_COST.ordinal()] = sum(period[PeriodMetric.SERVICE_COST.ordinal()]);
        summary[SummaryMetric.PROFIT.ordinal()] = sum(period[PeriodMetric.PROFIT.ordinal()]);
        return new UnitResult(period, staff, unmet, tier, migrations, summary, staffTotal, unmetTotal,
                concentration(people, s, scratch));
    }

    /**
     * Share of revenue earned by the top q % of customers, q = 0..100 (revenue over the whole run). The revenue
     * totals are sorted as radix keys in {@code scratch}, an int array of at least one entry per person that the
     * run no longer needs, so the end of a run adds one buffer, not two arrays, per person.
     */
    private static double[] concentration(Customers people, CustomerState s, int[] scratch) {
        int n = 0;
        for (int i = 0; i < people.size; i++) {
            if (s.status[i] == CustomerState.ACTIVE || s.status[i] == CustomerState.GONE) {
                scratch[n++] = FloatRadixSort.key(s.monetary[i]);
            }
        }
        FloatRadixSort.sortKeys(scratch, n);
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += FloatRadixSort.value(scratch[i]);
        }
        double[] out = new double[101];
        double cum = 0;
        int taken = 0;
        for (int q = 1; q <= 100; q++) {
            int upto = (int) Math.round(n * q / 100.0);
            while (taken < upto) {
                cum += FloatRadixSort.value(scratch[n - 1 - taken]);
                taken++;
            }
            out[q] = total > 0 ? cum / total : 0;
        }
        return out;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    private static double mean(double[] a) {
        double s = 0;
        int n = 0;
        for (double v : a) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
