package org.tierlab.replay;

import java.util.List;
import org.tierlab.btyd.Summaries;
import org.tierlab.log.LogFeatures;
import org.tierlab.score.CustomerFeatures;
import org.tierlab.score.RfmScores;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tables {@code tierlab replay} writes (formats in docs/replay.md): tier sizes over time, migrations and
 * stability between consecutive re-tiering points, and, for the tiers at the last point (the end of
 * calibration), what each tier went on to buy in the holdout period: capture by tier, gains curves and rank
 * correlations.
 */
public final class ReplayTables {
    /** Marker for customers acquired between two points, in the migration table's from_tier. */
    public static final String NEW = "(new)";
    /** Prefix of the per-model tier columns of {@link #customers}. */
    public static final String TIER_PREFIX = "tier_";

    private final TierHistory history;
    private final double[] holdoutRevenue;
    private final double[] holdoutTransactions;

    /**
     * @param holdout the log's summaries with the same calibration end as the history's last point: their holdout
     *     transactions and spend are what each tier went on to buy
     */
    public ReplayTables(TierHistory history, Summaries holdout) {
        this.history = history;
        holdoutRevenue = new double[history.customers()];
        holdoutTransactions = new double[history.customers()];
        for (int i = 0; i < holdout.size(); i++) {
            holdoutRevenue[holdout.customer[i]] = holdout.holdoutSpend[i];
            holdoutTransactions[holdout.customer[i]] = holdout.holdoutX[i];
        }
    }

    /** Per-tier holdout totals of the tiers at the last point (the end of calibration). */
    private TierSums atCalibrationEnd(String model) {
        int last = history.points().size() - 1;
        return TierSums.of(history.tiers(model, last), history.tierNames(model).size(), holdoutRevenue,
                holdoutTransactions);
    }

    /** Customers per tier at each point where the model has tiers. */
    public Table tierSizes() {
        StringColumn model = StringColumn.create("model");
        StringColumn point = StringColumn.create("point");
        StringColumn tier = StringColumn.create("tier");
        IntColumn customers = IntColumn.create("customers");
        DoubleColumn share = DoubleColumn.create("share");
        for (String m : history.modelNames()) {
            List<String> names = history.tierNames(m);
            for (int p = 0; p < history.points().size(); p++) {
                if (!history.tiered(m, p)) {
                    continue; // no tiers at this point: no rows (the reason is printed and in value_fits.csv)
                }
                int[] counts = new int[names.size()];
                int total = 0;
                for (int t : history.tiers(m, p)) {
                    if (t >= 0) {
                        counts[t]++;
                        total++;
                    }
                }
                for (int k = 0; k < names.size(); k++) {
                    model.append(m);
                    point.append(history.points().get(p).toString());
                    tier.append(names.get(k));
                    customers.append(counts[k]);
                    share.append(total == 0 ? 0 : (double) counts[k] / total);
                }
            }
        }
        return Table.create("tier_sizes").addColumns(model, point, tier, customers, share);
    }

    /**
     * Customers moving from one tier to another between consecutive points both with tiers (non-zero cells only).
     */
    public Table migrations() {
        StringColumn model = StringColumn.create("model");
        StringColumn from = StringColumn.create("from_point");
        StringColumn to = StringColumn.create("to_point");
        StringColumn fromTier = StringColumn.create("from_tier");
        StringColumn toTier = StringColumn.create("to_tier");
        IntColumn customers = IntColumn.create("customers");
        for (String m : history.modelNames()) {
            List<String> names = history.tierNames(m);
            int k = names.size();
            for (int p = 1; p < history.points().size(); p++) {
                if (!bothTiered(m, p)) {
                    continue;
                }
                int[] a = history.tiers(m, p - 1);
                int[] b = history.tiers(m, p);
                int[][] cells = new int[k + 1][k];
                for (int c = 0; c < a.length; c++) {
                    if (b[c] >= 0) {
                        cells[a[c] < 0 ? k : a[c]][b[c]]++;
                    }
                }
                for (int i = 0; i <= k; i++) {
                    for (int j = 0; j < k; j++) {
                        if (cells[i][j] > 0) {
                            model.append(m);
                            from.append(history.points().get(p - 1).toString());
                            to.append(history.points().get(p).toString());
                            fromTier.append(i == k ? NEW : names.get(i));
                            toTier.append(names.get(j));
                            customers.append(cells[i][j]);
                        }
                    }
                }
            }
        }
        return Table.create("migrations").addColumns(model, from, to, fromTier, toTier, customers);
    }

    /**
     * Share of customers tiered at both of two consecutive points who kept their tier (pairs where the model has
     * tiers at both points).
     */
    public Table stability() {
        StringColumn model = StringColumn.create("model");
        StringColumn from = StringColumn.create("from_point");
        StringColumn to = StringColumn.create("to_point");
        IntColumn both = IntColumn.create("customers");
        DoubleColumn stayed = DoubleColumn.create("stayed_share");
        for (String m : history.modelNames()) {
            for (int p = 1; p < history.points().size(); p++) {
                if (!bothTiered(m, p)) {
                    continue;
                }
                int[] a = history.tiers(m, p - 1);
                int[] b = history.tiers(m, p);
                int n = 0;
                int same = 0;
                for (int c = 0; c < a.length; c++) {
                    if (a[c] >= 0) {
                        n++;
                        same += a[c] == b[c] ? 1 : 0;
                    }
                }
                model.append(m);
                from.append(history.points().get(p - 1).toString());
                to.append(history.points().get(p).toString());
                both.append(n);
                stayed.append(n == 0 ? Double.NaN : (double) same / n);
            }
        }
        return Table.create("stability").addColumns(model, from, to, both, stayed);
    }

    /** Per model and tier at the last point: customers and the holdout revenue and transactions they made. */
    public Table holdoutByTier() {
        StringColumn model = StringColumn.create("model");
        StringColumn tier = StringColumn.create("tier");
        IntColumn customers = IntColumn.create("customers");
        DoubleColumn customerShare = DoubleColumn.create("customer_share");
        DoubleColumn revenue = DoubleColumn.create("holdout_revenue");
        DoubleColumn revenueShare = DoubleColumn.create("revenue_share");
        DoubleColumn transactions = DoubleColumn.create("holdout_transactions");
        DoubleColumn transactionShare = DoubleColumn.create("transaction_share");
        DoubleColumn active = DoubleColumn.create("active_share");
        DoubleColumn perCustomer = DoubleColumn.create("revenue_per_customer");
        for (String m : history.modelNames()) {
            TierSums t = atCalibrationEnd(m);
            for (int k = 0; k < t.customers.length; k++) {
                model.append(m);
                tier.append(history.tierNames(m).get(k));
                customers.append(t.customers[k]);
                customerShare.append(share(t.customers[k], t.totalCustomers()));
                revenue.append(t.revenue[k]);
                revenueShare.append(share(t.revenue[k], t.totalRevenue()));
                transactions.append(t.transactions[k]);
                transactionShare.append(share(t.transactions[k], t.totalTransactions()));
                active.append(t.customers[k] == 0 ? Double.NaN : (double) t.active[k] / t.customers[k]);
                perCustomer.append(t.customers[k] == 0 ? Double.NaN : t.revenue[k] / t.customers[k]);
            }
        }
        return Table.create("holdout_by_tier").addColumns(model, tier, customers, customerShare, revenue, revenueShare,
                transactions, transactionShare, active, perCustomer);
    }

    /**
     * Gains curves: for each model, customers taken tier by tier in priority order, the cumulative share of
     * customers against the cumulative share of holdout revenue and transactions (one point per tier boundary,
     * from (0, 0)); plus {@code oracle}, customers taken in order of their actual holdout revenue (the best any
     * tiering could do, in 100 steps) and {@code random} (the diagonal).
     */
    public Table gains() {
        int last = history.points().size() - 1;
        StringColumn model = StringColumn.create("model");
        StringColumn upTo = StringColumn.create("up_to_tier");
        DoubleColumn customerShare = DoubleColumn.create("customer_share");
        DoubleColumn revenueShare = DoubleColumn.create("revenue_share");
        DoubleColumn transactionShare = DoubleColumn.create("transaction_share");
        for (String m : history.modelNames()) {
            TierSums t = atCalibrationEnd(m);
            double c = 0;
            double r = 0;
            double x = 0;
            model.append(m);
            upTo.append("");
            customerShare.append(0);
            revenueShare.append(0);
            transactionShare.append(0);
            for (int k = 0; k < t.customers.length; k++) {
                c += t.customers[k];
                r += t.revenue[k];
                x += t.transactions[k];
                model.append(m);
                upTo.append(history.tierNames(m).get(k));
                customerShare.append(share(c, t.totalCustomers()));
                revenueShare.append(share(r, t.totalRevenue()));
                transactionShare.append(share(x, t.totalTransactions()));
            }
        }
        Gains.oracle(history.tiers(history.modelNames().get(0), last), holdoutRevenue, holdoutTransactions)
                .forEach(row -> {
                    model.append(row.model());
                    upTo.append("");
                    customerShare.append(row.customerShare());
                    revenueShare.append(row.revenueShare());
                    transactionShare.append(row.transactionShare());
                });
        return Table.create("gains").addColumns(model, upTo, customerShare, revenueShare, transactionShare);
    }

    /**
     * One row per model: Spearman rank correlation between tier rank (priority order; customers in one tier tie)
     * and holdout revenue and transactions; holdout revenue captured by the top 20 % of customers (interpolated
     * within the tier that straddles 20 %, as if its customers were taken at random) and by the first tier.
     */
    public Table validity() {
        int last = history.points().size() - 1;
        StringColumn model = StringColumn.create("model");
        DoubleColumn spearmanRevenue = DoubleColumn.create("spearman_revenue");
        DoubleColumn spearmanTransactions = DoubleColumn.create("spearman_transactions");
        DoubleColumn capture20 = DoubleColumn.create("revenue_capture_top20pct");
        DoubleColumn oracle20 = DoubleColumn.create("oracle_capture_top20pct");
        DoubleColumn firstTier = DoubleColumn.create("first_tier_revenue_share");
        for (String m : history.modelNames()) {
            int[] tiers = history.tiers(m, last);
            TierSums t = atCalibrationEnd(m);
            model.append(m);
            spearmanRevenue.append(Gains.spearman(tiers, holdoutRevenue));
            spearmanTransactions.append(Gains.spearman(tiers, holdoutTransactions));
            capture20.append(Gains.captureAt(0.2, t));
            oracle20.append(Gains.oracleCaptureAt(0.2, tiers, holdoutRevenue));
            firstTier.append(share(t.revenue[0], t.totalRevenue()));
        }
        return Table.create("validity").addColumns(model, spearmanRevenue, spearmanTransactions, capture20, oracle20,
                firstTier);
    }

    /**
     * One row per customer acquired by the end of calibration: what was known then (recency in days, frequency,
     * monetary), the R, F and M scores, each model's tier ({@code tier_MODEL}) and what the customer went on to buy
     * in the holdout period.
     *
     * @param ids customer ids by log number
     * @param rfm the R, F and M scores of the customers of {@link TierHistory#atLastPoint}, in its order
     */
    public Table customers(List<String> ids, RfmScores rfm) {
        LogFeatures atEnd = history.atLastPoint();
        int last = history.points().size() - 1;
        int[] who = atEnd.customer();
        StringColumn id = StringColumn.create("customer_id");
        CustomerFeatures f = atEnd.features();
        double[] recency = f.numeric(CustomerFeatures.RECENCY);
        double[] frequency = f.numeric(CustomerFeatures.FREQUENCY);
        double[] monetary = f.numeric(CustomerFeatures.MONETARY);
        IntColumn r = IntColumn.create("r_score");
        IntColumn fs = IntColumn.create("f_score");
        IntColumn m = IntColumn.create("m_score");
        DoubleColumn revenue = DoubleColumn.create("holdout_revenue");
        DoubleColumn transactions = DoubleColumn.create("holdout_transactions");
        for (int i = 0; i < who.length; i++) {
            id.append(ids.get(who[i]));
            r.append(rfm.r()[i]);
            fs.append(rfm.f()[i]);
            m.append(rfm.m()[i]);
            revenue.append(holdoutRevenue[who[i]]);
            transactions.append(holdoutTransactions[who[i]]);
        }
        Table t = Table.create("customers").addColumns(id, DoubleColumn.create("recency", recency),
                DoubleColumn.create("frequency", frequency), DoubleColumn.create("monetary", monetary), r, fs, m);
        for (String model : history.modelNames()) {
            StringColumn tier = StringColumn.create(TIER_PREFIX + model);
            int[] tiers = history.tiers(model, last);
            List<String> names = history.tierNames(model);
            for (int c : who) {
                tier.append(names.get(tiers[c]));
            }
            t.addColumns(tier);
        }
        return t.addColumns(revenue, transactions);
    }

    /**
     * Whether the model has tiers at point {@code p} and the one before: migrations and stability compare only
     * such pairs (a customer of a point without tiers is neither "new" nor "moved" at the next).
     */
    private boolean bothTiered(String model, int p) {
        return history.tiered(model, p - 1) && history.tiered(model, p);
    }

    private static double share(double part, double total) {
        return total == 0 ? Double.NaN : part / total;
    }
}
