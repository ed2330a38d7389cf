package org.tipline.triage.security;

/**
 * Authorities that say how far sign-in has got. A password alone grants {@link #PASSWORD} and no role, which opens
 * only the second-factor and first-sign-in pages; roles come with {@link #SECOND} once the second factor is checked.
 */
public final class Factors {

    public static final String PASSWORD = "FACTOR_PASSWORD";
    public static final String SECOND = "FACTOR_SECOND";

    private Factors() {}
}
