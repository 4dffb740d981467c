package org.tierlab.sim;

import java.util.Arrays;

/**
 * The changing state of every person during one simulation, as parallel primitive arrays. Observable fields
 * (purchase history, contacts, survey answers, tier) are what tiering sees; {@link #status} also holds the
 * latent truth (alive or gone) that only metrics use.
 */
final class CustomerState {
    static final byte UNSEEN = 0;
    static final byte LEAD = 1;
    static final byte ACTIVE = 2;
    static final byte GONE = 3;
    static final int NEVER = Integer.MIN_VALUE / 2;

    final byte[] status;
    /** 1 if the customer was active when measurement started (the retention cohort). */
    final byte[] cohort;
    /** 1 once the company knows the customer left (contract not renewed). */
    final byte[] observedChurn;
    final float[] satisfaction;
    final int[] acquired;
    final int[] lastPurchase;
    final int[] frequency;
    final float[] monetary;
    final float[] grossMargin;
    final float[] serviceCost;
    final float[] recentRate;
    final float[] longRate;
    final byte[] survey;
    final float[] churnMultiplier;
    final float[] purchaseMultiplier;
    final int[] effectUntil;
    final int[] lastContact;
    final byte[] tier;

    CustomerState(int n) {
        status = new byte[n];
        cohort = new byte[n];
        observedChurn = new byte[n];
        satisfaction = new float[n];
        acquired = new int[n];
        lastPurchase = new int[n];
        frequency = new int[n];
        monetary = new float[n];
        grossMargin = new float[n];
        serviceCost = new float[n];
        recentRate = new float[n];
        longRate = new float[n];
        survey = new byte[n];
        churnMultiplier = new float[n];
        purchaseMultiplier = new float[n];
        effectUntil = new int[n];
        lastContact = new int[n];
        tier = new byte[n];
        Arrays.fill(lastPurchase, NEVER);
        Arrays.fill(effectUntil, NEVER);
        Arrays.fill(lastContact, NEVER);
        Arrays.fill(survey, (byte) -1);
        Arrays.fill(tier, (byte) -1);
    }
}
