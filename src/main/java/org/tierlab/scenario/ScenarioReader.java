package org.tierlab.scenario;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tierlab.config.ConfigException;
import org.tierlab.config.ConfigNode;
import org.tierlab.score.CustomerFeatures;
import org.tierlab.score.TieringModel;
import org.tierlab.score.TieringSpecs;

/**
 * Reads a scenario YAML file into a validated {@link Scenario}. Every problem is reported as a
 * {@link ConfigException} naming the file, the line and the key, and saying what was expected.
 */
public final class ScenarioReader {
    /** Name of the no-maintenance baseline strategy. */
    public static final String NO_MAINTENANCE = "no-maintenance";
    /** Name of the uniform-treatment baseline strategy. */
    public static final String UNIFORM = "uniform";
    /** Policy key whose actions apply to every customer whatever their tier. */
    public static final String ALL_TIERS = "all";
    /** Policy key for customers who appeared since the last re-tiering and have no tier yet. */
    public static final String UNASSIGNED = "unassigned";

    private final Function<ConfigNode, TieringModel> modelParser;
    /** Features like those the simulator gives models, for a population; null: models are not tried. */
    private final Function<Population, CustomerFeatures> probe;

    private ScenarioReader(Function<ConfigNode, TieringModel> modelParser,
            Function<Population, CustomerFeatures> probe) {
        this.modelParser = modelParser;
        this.probe = probe;
    }

    /** A reader that builds tiering models with {@code modelParser} (normally {@code TieringSpecs::parse}). */
    public static ScenarioReader of(Function<ConfigNode, TieringModel> modelParser) {
        return new ScenarioReader(modelParser, null);
    }

    /**
     * This reader, also trying every model on {@code probe}'s features for the scenario's population (normally
     * the simulator's {@code Simulation::featureProbe}): a model that needs a feature or an attribute level the
     * simulator does not give is then an error at its line when the file is read, not in the middle of a run.
     */
    public ScenarioReader tryingModelsOn(Function<Population, CustomerFeatures> probe) {
        return new ScenarioReader(modelParser, probe);
    }

    /** Reads and validates a scenario file. */
    public Scenario read(Path file) {
        return read(file.toString(), ConfigNode.readText(file));
    }

    /**
     * The scenario's name, which is also the default run folder's name (reports/NAME): so it must be a plain
     * folder name, never a path that would point the run at another folder.
     */
    private static String folderName(ConfigNode n) {
        String name = n.asString();
        boolean control = name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (name.isBlank() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || control || !name.strip().equals(name) || name.length() > 200) {
            throw n.error("expected a name usable as a folder name (not empty, not '.' or '..', no '/', '\\',"
                    + " control characters or surrounding spaces, at most 200 characters), found '"
                    + name.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return name;
    }

    /** The most people (customers and leads) a run may see: every per-person array must fit in memory. */
    static final double MAX_PEOPLE = 500_000_000;

    private static void checkPeople(ConfigNode n, Population p, Horizon h) {
        double perPeriod = p.leads().perPeriod();
        for (double a : p.arrivals().schedule()) {
            perPeriod = Math.max(perPeriod, a + p.leads().perPeriod());
        }
        double people = p.customers() + (double) p.leads().pool() + perPeriod * h.totalPeriods();
        if (people > MAX_PEOPLE) {
            throw n.error(String.format(java.util.Locale.ROOT, "the customers, leads and arrivals over the horizon"
                    + " come to about %.3g people; expected at most %.0f", people, MAX_PEOPLE));
        }
    }

    /** Reads and validates scenario text; {@code name} is used in messages. */
    public Scenario read(String name, String text) {
        ConfigNode root = ConfigNode.parse(name, new StringReader(text));
        root.allowOnly("name", "description", "horizon", "replications", "seed", "population", "behaviour",
                "staff", "models", "policies", "strategies", "baselines");
        String scenarioName = folderName(root.get("name"));
        String description = root.stringOr("description", "");
        Horizon horizon = horizon(root.get("horizon"));
        int replications = root.get("replications").asInt(2, 100_000);
        long seed = root.get("seed").asLong();
        Population population = PopulationReader.read(root.get("population"));
        checkPeople(root.get("population"), population, horizon);
        Behaviour behaviour = root.has("behaviour") ? behaviour(root.get("behaviour")) : Behaviour.defaults();
        Map<String, Double> staff = staff(root.get("staff"));
        Map<String, TieringModel> models = models(root.get("models"));
        if (probe != null) {
            tryModels(root.get("models"), models, probe.apply(population));
        }
        Map<String, ConfigNode> policyNodes = root.get("policies").children();
        Map<String, Policy> policies = new LinkedHashMap<>();
        policyNodes.forEach((k, v) -> policies.put(k, policy(k, v, staff)));
        List<Strategy> strategies = strategies(root, models, policies, policyNodes, staff);
        return new Scenario(scenarioName, description, horizon, replications, seed, population, behaviour, staff,
                strategies, text);
    }

    /** Actions a policy may list in all. */
    public static final int MAX_ACTIONS = 256;

    private static Horizon horizon(ConfigNode n) {
        n.allowOnly("periods", "period", "warmup");
        int periods = n.get("periods").asInt(1, Horizon.MAX_TOTAL_PERIODS);
        String len = n.get("period").asChoice("week", "month");
        int warmup = n.intOr("warmup", 0, Horizon.MAX_TOTAL_PERIODS, 0);
        if (periods + warmup > Horizon.MAX_TOTAL_PERIODS) {
            throw n.error("periods + warmup must be at most " + Horizon.MAX_TOTAL_PERIODS + ", found "
                    + (periods + warmup));
        }
        return new Horizon(periods, len.equals("week") ? Horizon.PeriodLength.WEEK : Horizon.PeriodLength.MONTH,
                warmup);
    }

    private static Behaviour behaviour(ConfigNode n) {
        n.allowOnly("satisfaction_effects", "drift", "noise_sd", "neglect_penalty", "churn_sensitivity",
                "purchase_sensitivity", "reference", "survey_share", "survey_noise_sd", "repurchase_window");
        Behaviour d = Behaviour.defaults();
        return new Behaviour(n.booleanOr("satisfaction_effects", d.satisfactionEffects()),
                prob(n, "drift", d.drift()), nonNeg(n, "noise_sd", d.noiseSd()),
                nonNeg(n, "neglect_penalty", d.neglectPenalty()), nonNeg(n, "churn_sensitivity", d.churnSensitivity()),
                nonNeg(n, "purchase_sensitivity", d.purchaseSensitivity()),
                n.has("reference") ? n.get("reference").asDouble(0, 10) : d.reference(),
                prob(n, "survey_share", d.surveyShare()), nonNeg(n, "survey_noise_sd", d.surveyNoiseSd()),
                n.intOr("repurchase_window", 1, 10_000, d.repurchaseWindow()));
    }

    private static double prob(ConfigNode n, String key, double fallback) {
        return n.has(key) ? n.get(key).asProbability() : fallback;
    }

    private static double nonNeg(ConfigNode n, String key, double fallback) {
        return n.has(key) ? n.get(key).asNonNegative() : fallback;
    }

    private static Map<String, Double> staff(ConfigNode n) {
        Map<String, Double> out = new LinkedHashMap<>();
        n.children().forEach((role, hours) -> {
            double h = hours.asDouble();
            if (h < 0) {
                throw hours.error("staff capacity must be 0 or more hours per period, found " + h);
            }
            out.put(role, h);
        });
        return out;
    }

    private Map<String, TieringModel> models(ConfigNode n) {
        Map<String, TieringModel> out = new LinkedHashMap<>();
        n.children().forEach((name, spec) -> {
            TieringSpecs.modelName(n, name);
            TieringModel model = parseModel(spec);
            checkTierNames(model, spec, name);
            out.put(name, model);
        });
        if (out.isEmpty()) {
            throw n.error("at least one tiering model is required");
        }
        return out;
    }

    private TieringModel parseModel(ConfigNode spec) {
        try {
            return modelParser.apply(spec);
        } catch (IllegalArgumentException e) {
            throw spec.error(e.getMessage());
        }
    }

    private static Policy policy(String name, ConfigNode n, Map<String, Double> staff) {
        n.allowOnly("tiers", "at_risk_days");
        double atRisk = n.has("at_risk_days") ? n.get("at_risk_days").asPositive() : 90;
        Map<String, List<Action>> byTier = new LinkedHashMap<>();
        n.get("tiers").children().forEach((tier, list) -> {
            List<Action> actions = new ArrayList<>();
            for (ConfigNode a : list.elements()) {
                actions.add(ActionReader.read(a, staff));
            }
            byTier.put(tier, actions);
        });
        return new Policy(name, byTier, atRisk);
    }

    private List<Strategy> strategies(ConfigNode root, Map<String, TieringModel> models, Map<String, Policy> policies,
            Map<String, ConfigNode> policyNodes, Map<String, Double> staff) {
        List<ConfigNode> list = root.list("strategies");
        if (list.isEmpty()) {
            throw root.get("strategies").error("at least one strategy is required");
        }
        List<Strategy> named = new ArrayList<>();
        for (ConfigNode s : list) {
            named.add(strategy(s, models, policies, policyNodes));
        }
        Strategy first = named.get(0);
        List<Strategy> all = new ArrayList<>();
        all.add(new Strategy(NO_MAINTENANCE, first.modelName(), first.model(), Policy.none(), first.retierEvery(),
                false));
        all.add(uniform(root, first, staff));
        for (int i = 0; i < named.size(); i++) {
            Strategy s = named.get(i);
            if (all.stream().anyMatch(o -> o.name().equals(s.name()))) {
                throw list.get(i).get("name").error("strategy name '" + s.name() + "' is used twice (or is a"
                        + " baseline name: " + NO_MAINTENANCE + ", " + UNIFORM + "); expected a name of its own");
            }
            all.add(s);
        }
        return all;
    }

    private static Strategy strategy(ConfigNode s, Map<String, TieringModel> models, Map<String, Policy> policies,
            Map<String, ConfigNode> policyNodes) {
        s.allowOnly("name", "model", "policy", "retier_every");
        String name = s.get("name").asString();
        ConfigNode modelNode = s.get("model");
        String modelName = modelNode.asString();
        TieringModel model = models.get(modelName);
        if (model == null) {
            throw modelNode.error("no model named '" + modelName + "'; expected one of " + models.keySet());
        }
        ConfigNode policyNode = s.get("policy");
        Policy policy = policies.get(policyNode.asString());
        if (policy == null) {
            throw policyNode.error("no policy named '" + policyNode.asString() + "'; expected one of " + policies.keySet());
        }
        checkTiers(policy, policyNodes.get(policy.name()), model, modelName);
        int retier = s.intOr("retier_every", 0, 100_000, 0);
        return new Strategy(name, modelName, model, policy, retier, false);
    }

    private static void tryModels(ConfigNode n, Map<String, TieringModel> models, CustomerFeatures features) {
        for (Map.Entry<String, TieringModel> e : models.entrySet()) {
            try {
                e.getValue().assign(features, new int[features.size()]);
            } catch (IllegalArgumentException problem) {
                throw n.get(e.getKey()).error("model '" + e.getKey() + "' cannot tier the simulated customers: "
                        + problem.getMessage());
            }
        }
    }

    /** A model's tier names must be distinct and must not be the policy keys for groups of customers. */
    private static void checkTierNames(TieringModel model, ConfigNode modelNode, String modelName) {
        List<String> names = model.tierNames();
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            if (names.indexOf(name) != k) {
                throw modelNode.error("model '" + modelName + "' names two tiers '" + name + "'; expected distinct"
                        + " tier names");
            }
            if (ALL_TIERS.equals(name) || UNASSIGNED.equals(name)) {
                throw modelNode.error("model '" + modelName + "' has a tier named '" + name + "', which a policy uses"
                        + " for " + (ALL_TIERS.equals(name) ? "every customer" : "customers not yet tiered")
                        + "; expected another name");
            }
        }
    }

    private static void checkTiers(Policy policy, ConfigNode policyNode, TieringModel model, String modelName) {
        int actions = policy.actionsByTier().values().stream().mapToInt(List::size).sum();
        if (actions > MAX_ACTIONS) {
            // the simulator records which action's effect applies to a customer in one byte
            throw policyNode.error("policy '" + policy.name() + "' has " + actions + " actions; at most "
                    + MAX_ACTIONS + " are supported");
        }
        List<String> produced = model.tierNames();
        ConfigNode tiers = policyNode.get("tiers");
        for (Map.Entry<String, ConfigNode> e : tiers.children().entrySet()) {
            if (!produced.contains(e.getKey()) && !ALL_TIERS.equals(e.getKey()) && !UNASSIGNED.equals(e.getKey())) {
                throw new ConfigException(policyNode.file(), tiers.lineOf(e.getKey()),
                        policyNode.path() + ".tiers." + e.getKey(), "tier '" + e.getKey() + "' is produced by no model: policy '"
                        + policy.name() + "' is paired with model '" + modelName + "', whose tiers are " + produced);
            }
        }
    }

    private static Strategy uniform(ConfigNode root, Strategy first, Map<String, Double> staff) {
        ConfigNode b = root.opt("baselines");
        Action action;
        if (b == null) {
            String role = staff.isEmpty() ? null : staff.keySet().iterator().next();
            action = new Action(ActionKind.CALLBACK, new Action.Schedule.Every(1), role, role == null ? 0 : 20, 0,
                    new Effect(0.9, 1.05, 0.2, 1));
        } else {
            b.allowOnly("uniform");
            ConfigNode u = b.get("uniform");
            action = ActionReader.read(u, staff);
            if (u.has("on")) {
                // the baseline has no tiers and no triggers: an 'on' action would never be due for anybody
                throw u.get("on").error("the uniform baseline treats everybody on a schedule; expected 'every'"
                        + " (periods), not 'on'");
            }
        }
        Policy policy = new Policy(UNIFORM, Map.of(ALL_TIERS, List.of(action)), 90);
        return new Strategy(UNIFORM, first.modelName(), first.model(), policy, first.retierEvery(), true);
    }
}
