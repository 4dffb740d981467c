package org.tierlab.sim;

import java.util.Arrays;

/**
 * The changing state of every person during one simulation, as parallel primitive arrays. Observable fields
 * (purchase history, contacts, survey answers, tier) are what tiering sees; {@link #status} also holds the
 * latent truth (alive or gone) that only metrics use. Period numbers (acquired, last purchase, effect end, last
 * contact) are shorts: with 1M customers every byte per customer is a megabyte per simulation.
 */
final class CustomerState {
    static final byte UNSEEN = 0;
    static final byte LEAD = 1;
    static final byte ACTIVE = 2;
    static final byte GONE = 3;
    /** "Never" in a period field; period numbers fit in 16 bits ({@code Horizon.MAX_TOTAL_PERIODS}). */
    static final short NEVER = Short.MIN_VALUE;

    final byte[] status;
    /** 1 if the customer was active when measurement started (the retention cohort). */
    final byte[] cohort;
    /** 1 once the company knows the customer left (contract not renewed). */
    final byte[] observedChurn;
    final float[] satisfaction;
    final short[] acquired;
    final short[] lastPurchase;
    final int[] frequency;
    final float[] monetary;
    final float[] serviceCost;
    final float[] recentRate;
    final float[] longRate;
    final byte[] survey;
    /**
     * The policy action rows whose churn and purchase multipliers apply (unsigned), each through the last period
     * of its own effect: churnUntil and purchaseUntil.
     */
    final byte[] churnEffect;
    final byte[] purchaseEffect;
    final short[] churnUntil;
    final short[] purchaseUntil;
    final short[] lastContact;
    final byte[] tier;

    CustomerState(int n) {
        status = new byte[n];
        cohort = new byte[n];
        observedChurn = new byte[n];
        satisfaction = new float[n];
        acquired = new short[n];
        lastPurchase = new short[n];
        frequency = new int[n];
        monetary = new float[n];
        serviceCost = new float[n];
        recentRate = new float[n];
        longRate = new float[n];
        survey = new byte[n];
        churnEffect = new byte[n];
        purchaseEffect = new byte[n];
        churnUntil = new short[n];
        purchaseUntil = new short[n];
        lastContact = new short[n];
        tier = new byte[n];
        Arrays.fill(lastPurchase, NEVER);
        Arrays.fill(churnUntil, NEVER);
        Arrays.fill(purchaseUntil, NEVER);
        Arrays.fill(lastContact, NEVER);
        Arrays.fill(survey, (byte) -1);
        Arrays.fill(tier, (byte) -1);
    }
}
