package org.tierlab.replay;

/**
 * Per-tier totals of the customers tiered at one point: counts, holdout revenue and transactions, and how many
 * bought at all in the holdout.
 */
final class TierSums {
    final int[] customers;
    final double[] revenue;
    final double[] transactions;
    final int[] active;

    private TierSums(int k) {
        customers = new int[k];
        revenue = new double[k];
        transactions = new double[k];
        active = new int[k];
    }

    /** Sums over customers with a tier (tier -1 is skipped). */
    static TierSums of(int[] tiers, int k, double[] revenue, double[] transactions) {
        TierSums t = new TierSums(k);
        for (int c = 0; c < tiers.length; c++) {
            int tier = tiers[c];
            if (tier < 0) {
                continue;
            }
            t.customers[tier]++;
            t.revenue[tier] += revenue[c];
            t.transactions[tier] += transactions[c];
            t.active[tier] += transactions[c] > 0 ? 1 : 0;
        }
        return t;
    }

    double totalCustomers() {
        double s = 0;
        for (int c : customers) {
            s += c;
        }
        return s;
    }

    double totalRevenue() {
        double s = 0;
        for (double r : revenue) {
            s += r;
        }
        return s;
    }

    double totalTransactions() {
        double s = 0;
        for (double x : transactions) {
            s += x;
        }
        return s;
    }
}
