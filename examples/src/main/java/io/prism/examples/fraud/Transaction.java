package io.prism.examples.fraud;

/**
 * One card transaction, with the facts a fraud model looks at: what was bought, when, where and how, and what the
 * card usually does.
 *
 * @param amount              amount charged, ≥ 0 (in the card's currency)
 * @param avgAmount30d        the card's average amount over the last 30 days, ≥ 0
 * @param hourOfDay           local hour, 0..23
 * @param dayOfWeek           ISO day of week, 1 (Monday) .. 7 (Sunday)
 * @param merchantRisk        the merchant's risk score, 0 (trusted) .. 1 (known bad)
 * @param distanceFromHomeKm  distance between the transaction and the cardholder's home, in km, ≥ 0
 * @param txLastHour          transactions on this card in the hour before this one (velocity), ≥ 0
 * @param minutesSincePrevious minutes since the card's previous transaction, ≥ 0
 * @param cardPresent         the physical card was read (chip or swipe)
 * @param online              an e-commerce transaction
 * @param foreign             the merchant is in another country than the card's issuer
 * @param newMerchant         first transaction of this card at this merchant
 * @param accountAgeDays      age of the card account in days, ≥ 0
 * @param failedPinAttempts   wrong PINs entered before this transaction, ≥ 0
 */
public record Transaction(double amount, double avgAmount30d, int hourOfDay, int dayOfWeek, double merchantRisk,
                          double distanceFromHomeKm, int txLastHour, double minutesSincePrevious, boolean cardPresent,
                          boolean online, boolean foreign, boolean newMerchant, int accountAgeDays,
                          int failedPinAttempts) {

    /** Number of model inputs {@link #features()} produces. */
    public static final int FEATURES = 16;

    public Transaction {
        requireAtLeastZero("amount", amount);
        requireAtLeastZero("avgAmount30d", avgAmount30d);
        if (hourOfDay < 0 || hourOfDay > 23) {
            throw new IllegalArgumentException("hourOfDay " + hourOfDay + " must be 0..23");
        }
        if (dayOfWeek < 1 || dayOfWeek > 7) {
            throw new IllegalArgumentException("dayOfWeek " + dayOfWeek + " must be 1 (Monday) .. 7 (Sunday)");
        }
        if (!(merchantRisk >= 0 && merchantRisk <= 1)) {
            throw new IllegalArgumentException("merchantRisk " + merchantRisk + " must be 0..1");
        }
        requireAtLeastZero("distanceFromHomeKm", distanceFromHomeKm);
        requireAtLeastZero("txLastHour", txLastHour);
        requireAtLeastZero("minutesSincePrevious", minutesSincePrevious);
        requireAtLeastZero("accountAgeDays", accountAgeDays);
        requireAtLeastZero("failedPinAttempts", failedPinAttempts);
    }

    /** The {@value #FEATURES} normalized model inputs, each roughly in -1..1.5. */
    public float[] features() {
        float[] f = new float[FEATURES];
        writeFeatures(f, 0);
        return f;
    }

    /**
     * Writes the {@value #FEATURES} model inputs into {@code dst[offset..offset + 15]}, so a batch can be encoded
     * into one preallocated array.
     *
     * <p>Amounts, distances and counts span orders of magnitude, so they enter as logarithms; the amount also enters
     * relative to the card's own average, which says more than the amount alone. The hour is a point on a circle
     * (sin, cos) so that 23:00 and 01:00 are neighbours.
     */
    public void writeFeatures(float[] dst, int offset) {
        double hourAngle = 2 * StrictMath.PI * hourOfDay / 24.0;
        double logRatio = StrictMath.log((amount + 1) / (avgAmount30d + 1));
        dst[offset] = (float) (StrictMath.log1p(amount) / 8);
        dst[offset + 1] = (float) (Math.max(-3, Math.min(3, logRatio)) / 3);
        dst[offset + 2] = (float) StrictMath.sin(hourAngle);
        dst[offset + 3] = (float) StrictMath.cos(hourAngle);
        dst[offset + 4] = (float) merchantRisk;
        dst[offset + 5] = (float) (StrictMath.log1p(distanceFromHomeKm) / 9);
        dst[offset + 6] = (float) (StrictMath.log1p(txLastHour) / 3);
        dst[offset + 7] = (float) (StrictMath.log1p(minutesSincePrevious) / 10);
        dst[offset + 8] = (float) (StrictMath.log1p(avgAmount30d) / 8);
        dst[offset + 9] = cardPresent ? 1f : 0f;
        dst[offset + 10] = online ? 1f : 0f;
        dst[offset + 11] = foreign ? 1f : 0f;
        dst[offset + 12] = newMerchant ? 1f : 0f;
        dst[offset + 13] = (float) (StrictMath.log1p(accountAgeDays) / 8);
        dst[offset + 14] = Math.min(failedPinAttempts, 5) / 5f;
        dst[offset + 15] = dayOfWeek >= 6 ? 1f : 0f;
    }

    private static void requireAtLeastZero(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " " + value + " must be a finite number ≥ 0");
        }
    }
}
