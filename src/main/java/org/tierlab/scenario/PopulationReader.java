package org.tierlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tierlab.config.ConfigNode;

/** Reads the {@code population} section of a scenario (format in docs/scenarios.md). */
public final class PopulationReader {
    private static final double SHARE_TOLERANCE = 1e-6;

    private PopulationReader() {
    }

    /** The most customers or leads expected to arrive in one period. */
    static final double MAX_PER_PERIOD = 10_000_000;

    /** Reads and validates a population section. */
    public static Population read(ConfigNode n) {
        n.allowOnly("customers", "segments", "arrivals", "leads");
        int customers = n.get("customers").asInt(0, 100_000_000);
        ConfigNode segNode = n.get("segments");
        List<Segment> segments = new ArrayList<>();
        for (ConfigNode s : segNode.elements()) {
            Segment segment = segment(s);
            if (indexOf(segments, segment.name()) >= 0) {
                throw s.get("name").error("segment name '" + segment.name() + "' is used twice; expected a name of"
                        + " its own (arrival shares refer to segments by name)");
            }
            segments.add(segment);
        }
        if (segments.isEmpty()) {
            throw segNode.error("at least one segment is required");
        }
        double[] shares = new double[segments.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = segments.get(i).share();
        }
        checkSum(segNode, "segment shares", shares);
        Population.Arrivals arrivals = n.has("arrivals") ? arrivals(n.get("arrivals"), segments, shares)
                : new Population.Arrivals(new double[0], shares);
        Population.Leads leads = n.has("leads") ? leads(n.get("leads")) : Population.Leads.NONE;
        return new Population(customers, segments, arrivals, leads);
    }

    private static void checkSum(ConfigNode where, String what, double[] shares) {
        double sum = 0;
        for (double s : shares) {
            sum += s;
        }
        if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
            throw where.error(what + " must sum to 1, they sum to "
                    + String.format(java.util.Locale.ROOT, "%.6g", sum));
        }
    }

    private static Segment segment(ConfigNode s) {
        s.allowOnly("name", "share", "purchase_rate", "dropout", "spend", "margin", "contract_periods",
                "satisfaction", "tenure", "attributes");
        String name = s.get("name").asString();
        double share = s.get("share").asProbability();
        ConfigNode rate = s.get("purchase_rate").allowOnly("shape", "rate");
        ConfigNode spend = s.get("spend").allowOnly("p", "q", "gamma");
        double q = spend.get("q").asPositive();
        if (q <= 1) {
            throw spend.get("q").error("expected q > 1 so that the mean spend is finite, found " + q);
        }
        ConfigNode sat = s.opt("satisfaction");
        if (sat != null) {
            sat.allowOnly("mean", "sd");
        }
        ConfigNode tenure = s.opt("tenure");
        if (tenure != null) {
            tenure.allowOnly("min", "max");
        }
        int tMin = tenure == null ? 0 : tenure.intOr("min", 0, 10_000, 0);
        int tMax = tenure == null ? 0 : tenure.intOr("max", 0, 10_000, tMin);
        if (tMax < tMin) {
            throw tenure.error("tenure.max must be >= tenure.min");
        }
        return new Segment(name, share, rate.get("shape").asPositive(), rate.get("rate").asPositive(),
                dropout(s.get("dropout")), spend.get("p").asPositive(), q, spend.get("gamma").asPositive(),
                s.has("margin") ? s.get("margin").asProbability() : 1.0, s.intOr("contract_periods", 0, 10_000, 0),
                sat == null ? 7.0 : sat.has("mean") ? sat.get("mean").asDouble(0, 10) : 7.0,
                sat == null ? 1.0 : sat.has("sd") ? sat.get("sd").asNonNegative() : 1.0, tMin, tMax,
                s.has("attributes") ? attributes(s.get("attributes")) : List.of());
    }

    private static Dropout dropout(ConfigNode d) {
        String model = d.get("model").asChoice("after_purchase", "per_period", "exponential");
        switch (model) {
            case "exponential":
                d.allowOnly("model", "s", "beta");
                return new Dropout.Exponential(d.get("s").asPositive(), d.get("beta").asPositive());
            case "per_period":
                d.allowOnly("model", "a", "b");
                return new Dropout.PerPeriod(d.get("a").asPositive(), d.get("b").asPositive());
            default:
                d.allowOnly("model", "a", "b");
                return new Dropout.AfterPurchase(d.get("a").asPositive(), d.get("b").asPositive());
        }
    }

    private static List<Segment.Attribute> attributes(ConfigNode n) {
        List<Segment.Attribute> out = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : n.children().entrySet()) {
            Map<String, ConfigNode> levels = e.getValue().children();
            double[] shares = new double[levels.size()];
            int i = 0;
            for (ConfigNode v : levels.values()) {
                shares[i++] = v.asProbability();
            }
            checkSum(e.getValue(), "shares of attribute '" + e.getKey() + "'", shares);
            out.add(new Segment.Attribute(e.getKey(), new ArrayList<>(levels.keySet()), shares));
        }
        return out;
    }

    private static Population.Arrivals arrivals(ConfigNode a, List<Segment> segments, double[] defaultShares) {
        a.allowOnly("per_period", "schedule", "shares");
        if (a.has("per_period") == a.has("schedule")) {
            throw a.error("give exactly one of 'per_period' (a number) or 'schedule' (a list of numbers)");
        }
        double[] schedule;
        if (a.has("per_period")) {
            schedule = new double[] {a.get("per_period").asDouble(0, MAX_PER_PERIOD)};
        } else {
            schedule = a.get("schedule").asDoubles();
            for (ConfigNode v : a.list("schedule")) {
                v.asDouble(0, MAX_PER_PERIOD);
            }
        }
        double[] shares = defaultShares;
        if (a.has("shares")) {
            ConfigNode sh = a.get("shares");
            shares = new double[segments.size()];
            for (Map.Entry<String, ConfigNode> e : sh.children().entrySet()) {
                int idx = indexOf(segments, e.getKey());
                if (idx < 0) {
                    throw e.getValue().error("no segment named '" + e.getKey() + "'");
                }
                shares[idx] = e.getValue().asProbability();
            }
            checkSum(sh, "arrival shares", shares);
        }
        return new Population.Arrivals(schedule, shares);
    }

    private static int indexOf(List<Segment> segments, String name) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Population.Leads leads(ConfigNode l) {
        l.allowOnly("pool", "per_period", "conversion");
        return new Population.Leads(l.intOr("pool", 0, 100_000_000, 0),
                l.has("per_period") ? l.get("per_period").asDouble(0, MAX_PER_PERIOD) : 0,
                l.get("conversion").asProbability());
    }
}
