package org.tierlab.sim;

import java.util.Arrays;
import java.util.List;
import org.tierlab.scenario.Behaviour;
import org.tierlab.scenario.Dropout;
import org.tierlab.scenario.Scenario;
import org.tierlab.scenario.Segment;
import org.tierlab.scenario.Strategy;

/**
 * One replication of one strategy: the self-contained unit of work. Its only inputs are the scenario, the
 * strategy index and the replication number; every random draw is keyed by (root seed, stream, replication,
 * person, period), so the unit gives the same result on any thread or machine, and two strategies of the same
 * replication face the same draws (common random numbers).
 *
 * <p>Each period runs, in order: appearances and lead conversion; re-tiering on cadence (on the history up to
 * the period's start); then per customer purchases, dropout, satisfaction and survey; contract renewals; the
 * policy's actions within staff capacity; and the period's metrics. Warm-up periods run the same dynamics with no
 * policy and no metrics.
 */
public final class Simulation {
    private static final int UNASSIGNED_OFFSET = 0;
    private static final double FAST_WEIGHT = 1 - Math.pow(0.5, 1 / 2.0);
    private static final double SLOW_WEIGHT = 1 - Math.pow(0.5, 1 / 8.0);

    private final Scenario scenario;
    private final Strategy strategy;
    private final Behaviour behaviour;
    private final Customers people;
    private final CustomerState s;
    private final AttributeCatalog catalog;
    private final PolicyPlan plan;
    private final int tiers;
    private final int roles;
    private final double periodDays;
    private final long repKey;
    private final Rng rng = new Rng();
    private final SegmentTable seg;
    private final Ledger ledger;
    /**
     * The service order (known people by tier, see {@link #rebuildOrder}); during re-tiering it first receives the
     * model's tiers, so the run holds one int per person for both.
     */
    private final int[] order;
    private int[] tierStart;
    private int uniformPointer;
    /** Running counts kept up to date as people change state, so no extra pass is needed per period. */
    private int active;
    private int cohortAlive;
    private int eligible;
    private int repeat;
    private final int[] tierSize;
    private final double[] remaining;
    private final FastMath.SatisfactionCurve purchaseCurve;
    private final FastMath.SatisfactionCurve churnCurve;

    private Simulation(Scenario scenario, int strategyIndex, int replication, boolean commonRandomNumbers) {
        this.scenario = scenario;
        this.strategy = scenario.strategies().get(strategyIndex);
        this.behaviour = scenario.behaviour();
        long salt = commonRandomNumbers ? 0 : Rng.mix(strategyIndex + 1L);
        this.people = Customers.generate(scenario, replication, salt);
        this.s = new CustomerState(people.size);
        this.catalog = AttributeCatalog.of(scenario.population());
        List<String> tierNames = strategy.model().tierNames();
        this.tiers = tierNames.size();
        this.plan = PolicyPlan.compile(strategy.policy(), tierNames, scenario.roles());
        this.roles = scenario.roles().size();
        this.periodDays = scenario.horizon().period().days();
        this.repKey = Rng.key(scenario.seed() + salt, 0, replication);
        this.seg = new SegmentTable(scenario.population().segments());
        this.ledger = new Ledger(scenario.horizon().periods(), tiers + 1, roles);
        this.tierStart = new int[tiers + 2];
        this.order = new int[people.size];
        this.remaining = new double[roles];
        this.tierSize = new int[tiers + 1];
        this.purchaseCurve = new FastMath.SatisfactionCurve(behaviour.purchaseSensitivity(), behaviour.reference());
        this.churnCurve = new FastMath.SatisfactionCurve(-behaviour.churnSensitivity(), behaviour.reference());
    }

    /**
     * A few made-up customers with every feature and attribute level the simulator gives tiering models for
     * {@code population}: for trying a scenario's models when it is read
     * ({@link org.tierlab.scenario.ScenarioReader#tryingModelsOn}).
     */
    public static org.tierlab.score.CustomerFeatures featureProbe(org.tierlab.scenario.Population population) {
        return FeatureBuilder.probe(population);
    }

    /** Runs one replication of one strategy. */
    public static UnitResult run(Scenario scenario, int strategyIndex, int replication, boolean commonRandomNumbers) {
        return new Simulation(scenario, strategyIndex, replication, commonRandomNumbers).run();
    }

    private UnitResult run() {
        int total = scenario.horizon().totalPeriods();
        int warmup = scenario.horizon().warmup();
        for (int t = 0; t < total; t++) {
            boolean measured = t >= warmup;
            ledger.startPeriod(measured ? t - warmup : -1);
            appear(t);
            convertLeads(t);
            if (t == warmup) {
                markCohort(t);
            }
            if (measured && retierDue(t - warmup)) {
                // at the start of the period, so every customer keeps one tier through it: a tier's purchases,
                // churn and satisfaction in a period are those of the members its size counts
                retier(t);
            }
            stepCustomers(t, measured);
            if (measured) {
                act(t, t - warmup);
                record(t);
            }
        }
        return ledger.finish(people, s, scenario, strategy, order); // the service order is done with
    }

    private boolean retierDue(int p) {
        return p == 0 || (strategy.retierEvery() > 0 && p % strategy.retierEvery() == 0);
    }

    // ---- appearances and leads --------------------------------------------------------------------------

    private void appear(int t) {
        int from = t == 0 ? 0 : people.appearedBy[t - 1];
        for (int i = from; i < people.appearedBy[t]; i++) {
            s.satisfaction[i] = people.baseSatisfaction[i];
            // the promise of the "unassigned" group starts when the company learns of the person, as a tier's
            // does at re-tiering: nobody is neglected before a first contact is due
            s.lastContact[i] = (short) t;
            tierSize[tiers]++;
            if (people.lead[i] == 1) {
                s.status[i] = CustomerState.LEAD;
            } else if (t == 0) {
                // a starting customer was acquired before the simulation: tenure 0 is the period just before it,
                // so every starting customer buys and may leave from the first period on
                int acquiredAt = -1 - people.tenure[i];
                s.status[i] = CustomerState.ACTIVE;
                active++;
                s.acquired[i] = (short) acquiredAt;
                firstPurchase(i, acquiredAt, t);
            } else {
                acquire(i, t);
            }
        }
    }

    private void convertLeads(int t) {
        double conversion = scenario.population().leads().conversion();
        if (t == 0 || conversion == 0) {
            return;
        }
        for (int i = 0; i < people.appearedBy[t - 1]; i++) {
            if (s.status[i] != CustomerState.LEAD) {
                continue;
            }
            ledger.leadsAtStart++;
            double p = conversion * (s.purchaseUntil[i] >= t ? plan.purchaseMultiplier[s.purchaseEffect[i] & 0xFF] : 1);
            if (Rng.uniform(base(i, t), Streams.LEADS) < p) {
                ledger.conversions++;
                acquire(i, t);
            }
        }
    }

    private void acquire(int i, int t) {
        s.status[i] = CustomerState.ACTIVE;
        active++;
        s.acquired[i] = (short) t;
        firstPurchase(i, t, t);
    }

    /**
     * The purchase that makes someone a customer. For starting customers it lies before the simulation
     * (their acquisition is history), so it is visible to tiering but never counted as sales; for the others it
     * is counted in the customer step of the period ({@link #stepCustomers}).
     */
    private void firstPurchase(int i, int when, int t) {
        s.frequency[i] = 1;
        s.lastPurchase[i] = (short) when;
        s.monetary[i] = (float) firstValue(i, t);
    }

    /**
     * The value of the purchase that made person i a customer in period t: a pure function of its draws, so it is
     * drawn again when the sale is counted in the customer step, after re-tiering, in the tier the customer holds
     * through the period.
     */
    private double firstValue(int i, int t) {
        return rng.reset(base(i, t), Streams.SPEND).nextGamma(seg.spendP[people.segment[i]]) / people.spendRate[i];
    }

    private void markCohort(int t) {
        for (int i = 0; i < people.appearedBy[t]; i++) {
            if (s.status[i] == CustomerState.ACTIVE) {
                s.cohort[i] = 1;
                ledger.cohortSize++;
                cohortAlive++;
            }
        }
    }

    // ---- the customer step ------------------------------------------------------------------------------

    private long base(int i, int t) {
        return Rng.cell(repKey, i, t);
    }

    private void stepCustomers(int t, boolean measured) {
        eligible = 0;
        repeat = 0;
        int known = people.appearedBy[t];
        boolean contracts = seg.anyContract;
        for (int i = 0; i < known; i++) {
            byte st = s.status[i];
            if (st == CustomerState.ACTIVE && s.acquired[i] < t) {
                stepOne(i, t, measured);
            } else if (st == CustomerState.ACTIVE) {
                // acquired this period (starting customers were acquired before the simulation: stepped above)
                double value = firstValue(i, t);
                ledger.sale(tierOf(i), value, value * seg.margin[people.segment[i]], 1);
            }
            if (contracts && s.observedChurn[i] == 0 && st != CustomerState.LEAD && st != CustomerState.UNSEEN) {
                renewal(i, t);
            }
        }
    }

    private void stepOne(int i, int t, boolean measured) {
        int g = people.segment[i];
        int tier = tierOf(i);
        double sat = s.satisfaction[i];
        double purchaseFactor = behaviour.satisfactionEffects() ? purchaseCurve.at(sat) : 1;
        double churnFactor = behaviour.satisfactionEffects() ? churnCurve.at(sat) : 1;
        if (s.purchaseUntil[i] >= t) {
            purchaseFactor *= plan.purchaseMultiplier[s.purchaseEffect[i] & 0xFF];
        }
        if (s.churnUntil[i] >= t) {
            churnFactor *= plan.churnMultiplier[s.churnEffect[i] & 0xFF];
        }
        long base = base(i, t);
        ledger.aliveAtStart(tier);
        int n = Rng.poisson(Rng.uniform(base, Streams.PURCHASES), people.rate[i] * purchaseFactor);
        double u = Rng.uniform(base, Streams.DROPOUT);
        boolean dies;
        double p = people.drop[i] * churnFactor;
        switch (seg.dropoutKind[g]) {
            case SegmentTable.AFTER_PURCHASE -> {
                int untilDeath = purchasesUntilDropout(u, p, n);
                dies = untilDeath <= n;
                if (dies) {
                    n = untilDeath;
                }
            }
            case SegmentTable.PER_PERIOD -> dies = u < Math.min(1, p);
            default -> dies = u < -Math.expm1(-p);
        }
        if (n > 0) {
            double value = seg.spend(rng.reset(base, Streams.SPEND), g, n) / people.spendRate[i];
            s.frequency[i] += n;
            s.lastPurchase[i] = (short) t;
            s.monetary[i] += (float) value;
            ledger.sale(tier, value, value * seg.margin[g], n);
        }
        s.recentRate[i] += (float) (FAST_WEIGHT * (n - s.recentRate[i]));
        s.longRate[i] += (float) (SLOW_WEIGHT * (n - s.longRate[i]));
        if (dies) {
            s.status[i] = CustomerState.GONE;
            active--;
            cohortAlive -= s.cohort[i];
            ledger.death(tier);
            return;
        }
        eligible++;
        if (s.lastPurchase[i] > t - behaviour.repurchaseWindow() && s.frequency[i] > 1) {
            repeat++;
        }
        updateSatisfaction(i, t, tier, base, measured);
    }

    /**
     * The purchase after which a BG-style customer leaves, if it is among the period's first {@code n}, else
     * {@link Integer#MAX_VALUE}. It is the Geometric(p) draw by inversion of {@code u}, the smallest k with
     * (1 - p)^k &lt; 1 - u, found by multiplying up to n times: n is a handful of purchases, and the two
     * logarithms of the closed-form inversion cost more than the whole loop.
     */
    static int purchasesUntilDropout(double u, double p, int n) {
        double stay = p >= 1 ? 0 : 1 - p;
        double left = 1 - u; // exact: u is a multiple of 2^-53
        double survival = 1;
        for (int k = 1; k <= n; k++) {
            survival *= stay;
            if (survival < left) {
                return k;
            }
        }
        return Integer.MAX_VALUE;
    }

    private void updateSatisfaction(int i, int t, int tier, long base, boolean measured) {
        double sat = s.satisfaction[i];
        sat += behaviour.drift() * (people.baseSatisfaction[i] - sat);
        if (behaviour.noiseSd() > 0) {
            sat += behaviour.noiseSd() * FastMath.normal(Rng.uniform(base, Streams.SATISFACTION));
        }
        if (measured && neglected(i, t, tier)) {
            sat -= behaviour.neglectPenalty();
        }
        sat = clampToScale(sat);
        s.satisfaction[i] = (float) sat;
        ledger.satisfaction(tier, sat);
        if (behaviour.surveyShare() > 0) {
            if (Rng.uniform(base, Streams.SURVEY) < behaviour.surveyShare()) {
                double noise = FastMath.normal(Rng.uniform(base, Streams.SURVEY_ANSWER));
                long answer = Math.round(sat + behaviour.surveyNoiseSd() * noise);
                int a = answer < 0 ? 0 : answer > 10 ? 10 : (int) answer;
                s.survey[i] = (byte) a;
                ledger.answer(tier, a);
            }
        }
    }

    /** Clamps to the 0-10 satisfaction scale; plain comparisons, as Math.min/max on doubles also sort out NaN and -0. */
    private static double clampToScale(double sat) {
        return sat < 0 ? 0 : sat > 10 ? 10 : sat;
    }

    private boolean neglected(int i, int t, int tier) {
        int promised = strategy.uniform() ? 0 : plan.promisedInterval[tier];
        return promised > 0 && t - s.lastContact[i] > promised;
    }

    private void renewal(int i, int t) {
        int g = people.segment[i];
        int length = seg.contract[g];
        if (length == 0 || t <= s.acquired[i] || (t - s.acquired[i]) % length != 0) {
            return;
        }
        boolean renewed = s.status[i] == CustomerState.ACTIVE;
        ledger.renewal(renewed);
        if (!renewed) {
            s.observedChurn[i] = 1;
            tierSize[tierOf(i)]--;
        }
    }

    private int tierOf(int i) {
        int t = s.tier[i];
        return t < 0 ? tiers + UNASSIGNED_OFFSET : t;
    }

    // ---- tiering ----------------------------------------------------------------------------------------

    private void retier(int t) {
        int n = people.appearedBy[t];
        int[] out = order; // the model writes the first n entries; the order is rebuilt below
        strategy.model().assign(FeatureBuilder.build(people, s, catalog, n, t, periodDays, seg.margin), out);
        for (int i = 0; i < n; i++) {
            int to = out[i];
            if (to < 0 || to >= tiers) {
                throw new IllegalStateException("model " + strategy.modelName() + " wrote tier " + to);
            }
            int from = s.tier[i];
            if (from != to) {
                ledger.migration(from < 0 ? tiers : from, to);
                if (s.observedChurn[i] == 0) {
                    tierSize[from < 0 ? tiers : from]--;
                    tierSize[to]++;
                }
                s.tier[i] = (byte) to;
                s.lastContact[i] = (short) Math.max(s.lastContact[i], t);
            }
        }
        rebuildOrder(n);
    }

    /** Counting sort of known people by tier (unassigned last), stable by index: the service order. */
    private void rebuildOrder(int n) {
        Arrays.fill(tierStart, 0);
        for (int i = 0; i < n; i++) {
            tierStart[tierOf(i) + 1]++;
        }
        for (int k = 1; k < tierStart.length; k++) {
            tierStart[k] += tierStart[k - 1];
        }
        int[] next = tierStart.clone();
        for (int i = 0; i < n; i++) {
            order[next[tierOf(i)]++] = i;
        }
    }

    // ---- actions ----------------------------------------------------------------------------------------

    private void act(int t, int p) {
        int r = 0;
        for (double hours : scenario.capacityHours().values()) {
            remaining[r++] = hours * 60;
        }
        if (strategy.uniform()) {
            poolStaffInto(plan.role[plan.first[tiers + 1]]);
            actUniform(t, p);
            return;
        }
        for (int k = 0; k <= tiers; k++) {
            if (!plan.hasActions(k)) {
                continue;
            }
            serveMembers(order, tierStart[k], tierStart[k + 1], t, p, k);
        }
        int n = people.appearedBy[t];
        int tiered = tierStart[tiers + 1];
        if (plan.hasActions(tiers)) {
            // people who appeared since the last re-tiering: unassigned until the next one
            serveMembers(null, tiered, n, t, p, tiers);
        }
        if (plan.hasActions(tiers + 1)) {
            serveMembers(null, 0, n, t, p, tiers + 1);
        }
    }

    /** Serves group g's members {@code members[from..to)} ({@code from..to} itself when members is null). */
    private void serveMembers(int[] members, int from, int to, int t, int p, int g) {
        int a = plan.first[g];
        if (plan.first[g + 1] == a + 1 && plan.trigger[a] == PolicyPlan.TRIGGER_EVERY) {
            serveScheduled(members, from, to, t, p, a);
            return;
        }
        for (int j = from; j < to; j++) {
            serveGroup(members == null ? j : members[j], t, p, g);
        }
    }

    /**
     * The common case of {@link #serveGroup} for a group with a single scheduled action, with the action's
     * parameters and the running totals held in locals. It adds the same amounts in the same order, so its
     * results are exactly those of the general loop; it exists because every-period e-mails to the whole
     * base are the largest single cost of a period.
     */
    private void serveScheduled(int[] members, int from, int to, int t, int p, int a) {
        int every = plan.cadence[a];
        int role = plan.role[a];
        double minutes = plan.minutes[a];
        double hours = minutes / 60;
        double left = role >= 0 ? remaining[role] : 0;
        double staffed = role >= 0 ? ledger.staffHours(role) : 0;
        double unmet = role >= 0 ? ledger.unmetHours(role) : 0;
        double cost = plan.cost[a];
        float costAsFloat = (float) cost;
        double costs = ledger.cost();
        int duration = plan.duration[a];
        double change = plan.satisfactionChange[a];
        byte[] status = s.status;
        byte[] observedChurn = s.observedChurn;
        for (int j = from; j < to; j++) {
            int i = members == null ? j : members[j];
            byte st = status[i];
            if (observedChurn[i] == 1 || st == CustomerState.UNSEEN || (every != 1 && (p + i) % every != 0)) {
                continue;
            }
            if (role >= 0) {
                if (minutes > left) {
                    unmet += hours;
                    continue;
                }
                left -= minutes;
                staffed += hours;
                s.lastContact[i] = (short) t; // staffed contact: what a tier's promised cadence counts
            }
            s.serviceCost[i] += costAsFloat;
            costs += cost;
            if (st != CustomerState.GONE) {
                if (duration > 0) {
                    prolongEffect(i, t, a);
                }
                if (change != 0) {
                    s.satisfaction[i] = (float) clampToScale(s.satisfaction[i] + change);
                }
            }
        }
        if (role >= 0) {
            remaining[role] = left;
            ledger.setHours(role, staffed, unmet);
        }
        ledger.setCost(costs);
    }

    /**
     * Starts action a's effect on customer i, for its churn and its purchase multiplier apart. A multiplier of 1
     * changes nothing, so it leaves a running effect alone. Otherwise the stronger of the running and the new
     * effect holds, each until its own end (an equal one is renewed to the later end): an effect never lasts
     * longer than its duration, and only one effect per multiplier is remembered, so a weaker effect started
     * while a stronger one runs is not resumed after it.
     */
    private void prolongEffect(int i, int t, int a) {
        int end = t + plan.duration[a];
        double churn = plan.churnMultiplier[a];
        if (churn != 1) {
            startEffect(s.churnEffect, s.churnUntil, plan.churnMultiplier, i, t, a, end, -churn);
        }
        double purchase = plan.purchaseMultiplier[a];
        if (purchase != 1) {
            startEffect(s.purchaseEffect, s.purchaseUntil, plan.purchaseMultiplier, i, t, a, end, purchase);
        }
    }

    /**
     * {@link #prolongEffect} for one multiplier: {@code effect[i]} and {@code until[i]} are customer i's running
     * effect and its end, {@code multipliers} the actions' multipliers, and {@code strength} action a's multiplier
     * signed so that larger is stronger (a churn multiplier negated). Written without branches: whether a running
     * effect is still on and stronger differs from customer to customer in no pattern a branch predictor learns.
     */
    private static void startEffect(byte[] effect, short[] until, float[] multipliers, int i, int t, int a, int end,
            double strength) {
        int runningUntil = until[i];
        byte running = effect[i];
        double runningStrength = strength < 0 ? -multipliers[running & 0xFF] : multipliers[running & 0xFF];
        boolean replace = runningUntil <= t | strength > runningStrength;
        boolean renew = strength == runningStrength & end > runningUntil;
        effect[i] = replace ? (byte) a : running;
        until[i] = (short) (replace | renew ? end : runningUntil);
    }

    private void serveGroup(int i, int t, int p, int g) {
        if (s.observedChurn[i] == 1 || s.status[i] == CustomerState.UNSEEN) {
            return;
        }
        for (int a = plan.first[g]; a < plan.first[g + 1]; a++) {
            if (due(a, i, t, p)) {
                serve(i, t, a);
            }
        }
    }

    private boolean due(int a, int i, int t, int p) {
        switch (plan.trigger[a]) {
            case PolicyPlan.TRIGGER_NEW:
                return s.status[i] != CustomerState.LEAD && s.acquired[i] == t;
            case PolicyPlan.TRIGGER_AT_RISK:
                if (s.lastPurchase[i] == CustomerState.NEVER || s.status[i] == CustomerState.LEAD) {
                    return false;
                }
                // counted in whole days, as the recency feature is, so a lifecycle model and this trigger agree
                int since = t - s.lastPurchase[i];
                return FeatureBuilder.daysSince(since, periodDays) >= plan.atRiskDays
                        && FeatureBuilder.daysSince(since - 1, periodDays) < plan.atRiskDays;
            default:
                // each customer every k periods, customers spread over the k phases so the load is even
                int every = plan.cadence[a];
                return every == 1 || (p + i) % every == 0;
        }
    }

    private boolean serve(int i, int t, int a) {
        int role = plan.role[a];
        if (role >= 0) {
            if (plan.minutes[a] > remaining[role]) {
                ledger.unmet(role, plan.minutes[a]);
                return false;
            }
            remaining[role] -= plan.minutes[a];
            ledger.staff(role, plan.minutes[a]);
            // only staffed contact counts against neglect: an automated e-mail does not keep a promised visit
            s.lastContact[i] = (short) t;
        }
        s.serviceCost[i] += (float) plan.cost[a];
        ledger.cost(plan.cost[a]);
        if (s.status[i] != CustomerState.GONE) {
            applyEffect(i, t, a);
        }
        return true;
    }

    private void applyEffect(int i, int t, int a) {
        int duration = plan.duration[a];
        if (duration > 0) {
            prolongEffect(i, t, a);
        }
        double change = plan.satisfactionChange[a];
        if (change != 0) {
            s.satisfaction[i] = (float) clampToScale(s.satisfaction[i] + change);
        }
    }

    /**
     * Gives role {@code into} the hours of every role, for the uniform baseline: it is the same total staff budget
     * as the strategies have, spread evenly over the customers, and its single action has a single role. No-op for
     * an action that needs no staff.
     */
    private void poolStaffInto(int into) {
        if (into < 0) {
            return;
        }
        double total = 0;
        for (int r = 0; r < roles; r++) {
            total += remaining[r];
            remaining[r] = 0;
        }
        remaining[into] = total;
    }

    /**
     * The uniform-treatment baseline: one action for everybody, ignoring tiers, served round robin so that the
     * whole staff budget (every role's hours, pooled by {@link #poolStaffInto}) is spread evenly over the customer
     * base. With {@code every: k} each customer is due in one period of k (the phases of a policy's scheduled
     * action), so every period has due customers and spends the budget; were the whole base due in one period of
     * k, the baseline would use only 1/k of it.
     */
    private void actUniform(int t, int p) {
        int a = plan.first[tiers + 1];
        int n = people.appearedBy[t];
        int role = plan.role[a];
        for (int visited = 0; visited < n; visited++) {
            if (role >= 0 && plan.minutes[a] > remaining[role]) {
                break;
            }
            int i = uniformPointer;
            uniformPointer = (uniformPointer + 1) % n;
            if (due(a, i, t, p) && s.observedChurn[i] == 0
                    && (s.status[i] == CustomerState.ACTIVE || s.status[i] == CustomerState.GONE)) {
                serve(i, t, a);
            }
        }
    }

    // ---- metrics ----------------------------------------------------------------------------------------

    private void record(int t) {
        for (int k = 0; k <= tiers; k++) {
            ledger.members(k, tierSize[k]);
        }
        ledger.endPeriod(active, cohortAlive, eligible, repeat);
    }

    /** Per-segment constants as arrays, for the hot loop. */
    private static final class SegmentTable {
        static final int AFTER_PURCHASE = 0;
        static final int PER_PERIOD = 1;
        static final int EXPONENTIAL = 2;

        /** Purchases per period up to which the gamma constants of the period's spend are tabulated. */
        static final int TABULATED = 32;

        final double[] spendP;
        final double[] margin;
        final int[] dropoutKind;
        final int[] contract;
        /** False when no segment has contracts: the step then skips the renewal check. */
        final boolean anyContract;
        /** [segment][purchases]: Marsaglia-Tsang's d and c for the spend of that many purchases (shape >= 1). */
        final double[][] gammaD;
        final double[][] gammaC;

        SegmentTable(List<Segment> segments) {
            int n = segments.size();
            spendP = new double[n];
            margin = new double[n];
            dropoutKind = new int[n];
            contract = new int[n];
            anyContract = segments.stream().anyMatch(sg -> sg.contractPeriods() > 0);
            gammaD = new double[n][TABULATED + 1];
            gammaC = new double[n][TABULATED + 1];
            for (int g = 0; g < n; g++) {
                Segment sg = segments.get(g);
                spendP[g] = sg.spendP();
                margin[g] = sg.margin();
                contract[g] = sg.contractPeriods();
                for (int k = 1; k <= TABULATED; k++) {
                    // the same arithmetic as Rng.nextGamma(shape), so the draws are the same
                    double d = k * spendP[g] - 1.0 / 3;
                    gammaD[g][k] = d;
                    gammaC[g][k] = 1 / Math.sqrt(9 * d);
                }
                Dropout d = sg.dropout();
                dropoutKind[g] = d instanceof Dropout.AfterPurchase ? AFTER_PURCHASE
                        : d instanceof Dropout.PerPeriod ? PER_PERIOD : EXPONENTIAL;
            }
        }

        /** The Gamma(n p, 1) part of the spend of n purchases in segment g. */
        double spend(Rng rng, int g, int n) {
            double shape = n * spendP[g];
            if (n <= TABULATED && shape >= 1) {
                return rng.nextGamma(gammaD[g][n], gammaC[g][n]);
            }
            return rng.nextGamma(shape);
        }
    }
}
