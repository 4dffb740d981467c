package org.tierlab.sim;

/**
 * The named random streams, one per random process. Each process draws only from its own stream, so adding
 * draws to one process never shifts the draws of another.
 */
public final class Streams {
    /** Latent traits of customers and leads (rates, dropout, spend, satisfaction, attributes). */
    public static final int GENERATOR = 1;
    /** How many customers arrive and leads appear each period. */
    public static final int ARRIVALS = 2;
    /** Purchase counts. */
    public static final int PURCHASES = 3;
    /** Transaction values. */
    public static final int SPEND = 4;
    /** Dropout. */
    public static final int DROPOUT = 5;
    /** Satisfaction noise. */
    public static final int SATISFACTION = 6;
    /** Who is surveyed and what they answer. */
    public static final int SURVEY = 7;
    /** Lead conversion. */
    public static final int LEADS = 8;
    /** The answer a surveyed customer gives. */
    public static final int SURVEY_ANSWER = 9;

    private Streams() {
    }
}
