package org.tierlab.scenario;

import java.util.Map;
import org.tierlab.config.ConfigNode;

/** Reads one action of a policy from its YAML mapping. */
final class ActionReader {
    private ActionReader() {
    }

    static Action read(ConfigNode a, Map<String, Double> staff) {
        a.allowOnly("action", "every", "on", "role", "minutes", "cost", "effect");
        ActionKind kind = ActionKind.ofKey(a.get("action").asChoice(ActionKind.keys()));
        Action.Schedule schedule = schedule(a);
        String role = null;
        if (a.has("role")) {
            ConfigNode r = a.get("role");
            role = r.asString();
            if (!staff.containsKey(role)) {
                throw r.error("no staff role '" + role + "'; expected one of " + staff.keySet() + " (see 'staff')");
            }
        }
        // bounds far beyond any real action, so totals over a million customers and years stay finite
        double minutes = a.has("minutes") ? a.get("minutes").asDouble(0, 100_000) : 0;
        if (minutes > 0 && role == null) {
            throw a.error("an action that takes staff minutes needs a 'role'");
        }
        double cost = a.has("cost") ? a.get("cost").asDouble(0, 1e9) : 0;
        Effect effect = a.has("effect") ? effect(a.get("effect")) : Effect.NONE;
        return new Action(kind, schedule, role, minutes, cost, effect);
    }

    private static Action.Schedule schedule(ConfigNode a) {
        if (a.has("every") == a.has("on")) {
            throw a.error("give exactly one of 'every' (periods) or 'on' (new, at_risk)");
        }
        if (a.has("every")) {
            return new Action.Schedule.Every(a.get("every").asInt(1, 100_000));
        }
        return a.get("on").asChoice("new", "at_risk").equals("new")
                ? new Action.Schedule.OnNew() : new Action.Schedule.OnAtRisk();
    }

    private static Effect effect(ConfigNode e) {
        e.allowOnly("churn", "purchase", "satisfaction", "duration");
        double churn = e.has("churn") ? e.get("churn").asNonNegative() : 1;
        double purchase = e.has("purchase") ? e.get("purchase").asNonNegative() : 1;
        double sat = e.doubleOr("satisfaction", 0);
        int duration = e.intOr("duration", 0, 100_000, 1);
        return new Effect(churn, purchase, sat, duration);
    }
}
