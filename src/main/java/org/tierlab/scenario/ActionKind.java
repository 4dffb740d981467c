package org.tierlab.scenario;

import java.util.Locale;

/** The kinds of maintenance action a policy can schedule; the kind is a label, the effect is configured. */
public enum ActionKind {
    ACCOUNT_MANAGER_VISIT, EXECUTIVE_VISIT, CALLBACK, TRAINING, EMAIL, SMS, EVENT_INVITATION, WELCOME_SEQUENCE,
    WIN_BACK;

    /** The name used in scenario files, e.g. {@code account_manager_visit}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** All scenario-file names. */
    public static String[] keys() {
        ActionKind[] all = values();
        String[] out = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = all[i].key();
        }
        return out;
    }

    /** Looks a kind up by its scenario-file name. */
    public static ActionKind ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
