package org.tierlab.sim;

import org.tierlab.scenario.Dropout;
import org.tierlab.scenario.Population;
import org.tierlab.scenario.Scenario;
import org.tierlab.scenario.Segment;

/**
 * The latent, unobservable side of one replication's population, as parallel primitive arrays (struct of
 * arrays): who appears when, and each person's true purchase rate, dropout parameter, spend rate and baseline
 * satisfaction. Generated from the {@link Streams#GENERATOR} and {@link Streams#ARRIVALS} streams only, keyed by
 * replication and person index, so every strategy of a replication sees exactly the same people.
 *
 * <p>People are ordered by the period they appear in (starting customers and the initial lead pool at period 0,
 * then each period's arrivals and new leads), so the people a company knows at period t are a prefix.
 */
public final class Customers {
    /** Number of people (customers and leads) over the whole horizon. */
    public final int size;
    /** Index of the first person appearing after each period: {@code appearedBy[t]} people are known at t. */
    public final int[] appearedBy;
    /** True (1) for a lead, 0 for a customer. */
    public final byte[] lead;
    /** Segment index. */
    public final byte[] segment;
    /** Periods already a customer at period 0 (starting customers only). */
    public final short[] tenure;
    /** True purchase rate per period (lambda). */
    public final float[] rate;
    /** Dropout parameter: p for beta dropout models, mu for the exponential one. */
    public final float[] drop;
    /** Gamma-gamma rate nu: a transaction's value is Gamma(p, nu). */
    public final float[] spendRate;
    /** Baseline satisfaction, 0-10. */
    public final float[] baseSatisfaction;
    /** Attribute level codes, [attribute][person]; attributes are the union over segments, in order. */
    public final byte[][] attributes;

    private Customers(int size, int periods, int attributeCount) {
        this.size = size;
        appearedBy = new int[periods];
        lead = new byte[size];
        segment = new byte[size];
        tenure = new short[size];
        rate = new float[size];
        drop = new float[size];
        spendRate = new float[size];
        baseSatisfaction = new float[size];
        attributes = new byte[attributeCount][size];
    }

    /**
     * Generates replication {@code replication}'s population.
     *
     * @param streamSalt 0 under common random numbers; a strategy-specific salt for independent streams
     */
    public static Customers generate(Scenario scenario, int replication, long streamSalt) {
        Population pop = scenario.population();
        int periods = scenario.horizon().totalPeriods();
        Rng rng = new Rng();
        long arrivalsKey = Rng.key(scenario.seed() + streamSalt, Streams.ARRIVALS, replication);
        int[] newCustomers = new int[periods];
        int[] newLeads = new int[periods];
        newCustomers[0] = pop.customers();
        newLeads[0] = pop.leads().pool();
        long total = pop.customers() + (long) pop.leads().pool();
        for (int t = 1; t < periods; t++) {
            newCustomers[t] = rng.reset(Rng.key(Rng.key(arrivalsKey, t), 0)).nextPoisson(pop.arrivals().expected(t));
            newLeads[t] = rng.reset(Rng.key(Rng.key(arrivalsKey, t), 1)).nextPoisson(pop.leads().perPeriod());
            total += newCustomers[t] + newLeads[t];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("population too large: " + total + " people");
        }
        AttributeCatalog catalog = AttributeCatalog.of(pop);
        Customers c = new Customers((int) total, periods, catalog.names().size());
        long genKey = Rng.key(scenario.seed() + streamSalt, Streams.GENERATOR, replication);
        int i = 0;
        for (int t = 0; t < periods; t++) {
            for (int k = 0; k < newCustomers[t]; k++, i++) {
                c.fill(i, t, false, t == 0 ? shares(pop) : pop.arrivals().shares(), pop, catalog,
                        rng.reset(Rng.key(genKey, i)));
            }
            for (int k = 0; k < newLeads[t]; k++, i++) {
                c.fill(i, t, true, shares(pop), pop, catalog, rng.reset(Rng.key(genKey, i)));
            }
            c.appearedBy[t] = i;
        }
        return c;
    }

    private static double[] shares(Population pop) {
        double[] s = new double[pop.segments().size()];
        for (int j = 0; j < s.length; j++) {
            s[j] = pop.segments().get(j).share();
        }
        return s;
    }

    private void fill(int i, int t, boolean isLead, double[] shares, Population pop, AttributeCatalog catalog,
            Rng rng) {
        int seg = pick(shares, rng.nextDouble());
        Segment s = pop.segments().get(seg);
        lead[i] = (byte) (isLead ? 1 : 0);
        segment[i] = (byte) seg;
        rate[i] = (float) (rng.nextGamma(s.rateShape()) / s.rateRate());
        drop[i] = (float) dropParameter(s.dropout(), rng);
        spendRate[i] = (float) (rng.nextGamma(s.spendQ()) / s.spendGamma());
        double sat = s.satisfactionMean() + s.satisfactionSd() * rng.nextGaussian();
        baseSatisfaction[i] = (float) Math.max(0, Math.min(10, sat));
        int span = s.tenureMax() - s.tenureMin();
        tenure[i] = (short) (t == 0 && !isLead ? s.tenureMin() + (int) (rng.nextDouble() * (span + 1)) : 0);
        for (int a = 0; a < attributes.length; a++) {
            attributes[a][i] = (byte) catalog.draw(a, seg, rng.nextDouble());
        }
    }

    private static double dropParameter(Dropout d, Rng rng) {
        if (d instanceof Dropout.AfterPurchase ap) {
            return rng.nextBeta(ap.a(), ap.b());
        }
        if (d instanceof Dropout.PerPeriod pp) {
            return rng.nextBeta(pp.a(), pp.b());
        }
        Dropout.Exponential e = (Dropout.Exponential) d;
        return rng.nextGamma(e.s()) / e.beta();
    }

    /** Index of the share interval containing {@code u}. */
    static int pick(double[] shares, double u) {
        double cum = 0;
        for (int j = 0; j < shares.length - 1; j++) {
            cum += shares[j];
            if (u < cum) {
                return j;
            }
        }
        return shares.length - 1;
    }
}
