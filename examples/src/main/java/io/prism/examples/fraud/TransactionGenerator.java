package io.prism.examples.fraud;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Synthetic card transactions with fraud labels, the same for the same seed on every JVM.
 *
 * <p>Most transactions are a cardholder's ordinary spending. A few percent come from a compromised card, in one of
 * three patterns seen in practice: card testing (many tiny online charges in minutes), account takeover (a large
 * online purchase at a new, often foreign merchant, often at night) and a counterfeit card (card present far from
 * home, wrong PINs, unusually large amounts). Whether a transaction is labeled fraud is then drawn from a nonlinear
 * risk rule over its features plus a hidden "the card is compromised" term, so labels are noisy: some ordinary
 * transactions are fraud, some compromised-card transactions are not, and no model can be perfect. The rule's
 * interactions (a large amount matters more at night, a risky merchant matters more when it is new to the card)
 * are what a linear model misses and a small MLP learns.
 */
public final class TransactionGenerator {
    private static final double COMPROMISED_RATE = 0.05;
    private static final double RISK_INTERCEPT = -6.8;
    private static final double RISK_SCALE = 1.6;
    private static final double COMPROMISED_LOGIT = 1.0;

    private final Random random;

    /** A generator whose sequence is fixed by {@code seed}. */
    public TransactionGenerator(long seed) {
        // java.util.Random's algorithm (nextGaussian included) is fixed by its specification, so a seed gives the
        // same dataset on every JDK.
        this.random = new Random(seed);
    }

    /** The next transaction, without its label. */
    public Transaction next() {
        return nextLabeled().tx();
    }

    /** The next transaction and whether it is fraud. */
    public LabeledTransaction nextLabeled() {
        boolean compromised = random.nextDouble() < COMPROMISED_RATE;
        Transaction tx = compromised ? fraudulent() : ordinary();
        double logit = riskLogit(tx) + (compromised ? COMPROMISED_LOGIT : 0);
        boolean fraud = random.nextDouble() < 1 / (1 + StrictMath.exp(-logit));
        return new LabeledTransaction(tx, fraud);
    }

    /** The next {@code n} labeled transactions. */
    public List<LabeledTransaction> labeled(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n " + n + " must be ≥ 0");
        }
        List<LabeledTransaction> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(nextLabeled());
        }
        return out;
    }

    /** Log-odds of fraud seen from the transaction alone (the generator adds a hidden term for compromised cards). */
    static double riskLogit(Transaction tx) {
        double logRatio = StrictMath.log((tx.amount() + 1) / (tx.avgAmount30d() + 1));
        boolean night = tx.hourOfDay() < 6;
        double z = 0;
        z += (night || tx.newMerchant() ? 1.5 : 0.4) * Math.max(0, Math.min(3, logRatio - 0.5));
        z += night && logRatio > StrictMath.log(3) ? 1.2 : 0;
        z += tx.cardPresent() && tx.distanceFromHomeKm() > 300 && !tx.foreign() ? 2.0 : 0;
        z += 3.0 * tx.merchantRisk() * tx.merchantRisk() * (tx.newMerchant() ? 1 : 0.2);
        z += (tx.amount() < 10 ? 0.9 : 0.2) * Math.min(4, Math.max(0, tx.txLastHour() - 2));
        z += tx.online() && tx.foreign() && tx.newMerchant() ? 1.6 : 0;
        z += tx.accountAgeDays() < 30 && tx.amount() > 300 ? 1.4 : 0;
        z += tx.cardPresent() ? 0.9 * Math.min(3, tx.failedPinAttempts()) : 0;
        z += tx.minutesSincePrevious() < 3 && tx.txLastHour() >= 3 ? 1.0 : 0;
        return RISK_INTERCEPT + RISK_SCALE * z;
    }

    private Transaction ordinary() {
        double avg = clamp(logNormal(45, 0.7), 2, 5000);
        boolean online = chance(0.35);
        boolean cardPresent = !online && chance(0.93);
        boolean foreign = chance(0.04);
        double amount = avg * logNormal(1, 0.55);
        if (chance(0.03)) {
            amount *= 3 + exponential(4);
        }
        double distance = online ? logNormal(40, 2.0) : logNormal(6, 1.0);
        if (foreign) {
            distance += 300 + exponential(1500);
        }
        int velocity = (int) exponential(0.7);
        double minutes = velocity > 0 ? 1 + random.nextDouble() * 59 : 60 + exponential(600);
        int failedPins = cardPresent && chance(0.03) ? (chance(0.15) ? 2 : 1) : 0;
        return new Transaction(cents(amount), cents(avg), daytimeHour(), 1 + random.nextInt(7),
            beta1(6), distance, velocity, minutes, cardPresent, online, foreign, chance(online ? 0.3 : 0.15),
            accountAge(), failedPins);
    }

    private Transaction fraudulent() {
        double avg = clamp(logNormal(45, 0.7), 2, 5000);
        double pattern = random.nextDouble();
        if (pattern < 0.35) {
            int velocity = 3 + random.nextInt(10);
            return new Transaction(cents(1 + random.nextDouble() * 4), cents(avg), random.nextInt(24),
                1 + random.nextInt(7), beta2(2, 3), logNormal(100, 2.0), velocity, 0.2 + random.nextDouble() * 5,
                false, true, chance(0.3), chance(0.8), accountAge(), 0);
        }
        if (pattern < 0.75) {
            boolean night = chance(0.5);
            int hour = night ? random.nextInt(6) : daytimeHour();
            return new Transaction(cents(avg * logNormal(StrictMath.exp(1.2), 0.8)), cents(avg), hour,
                1 + random.nextInt(7), beta2(2, 4), logNormal(150, 2.0), (int) exponential(1.2),
                1 + exponential(120), false, true, chance(0.5), chance(0.85), accountAge(), 0);
        }
        int failedPins = chance(0.4) ? 1 + random.nextInt(3) : 0;
        return new Transaction(cents(avg * logNormal(StrictMath.exp(1.0), 0.7)), cents(avg), daytimeHour(),
            1 + random.nextInt(7), beta1(4), logNormal(1500, 1.0), (int) exponential(1.0), 5 + exponential(200),
            true, false, chance(0.6), chance(0.9), accountAge(), failedPins);
    }

    /** Spending peaks in the early afternoon and thins out at night. */
    private int daytimeHour() {
        double hour = 13.5 + 4.5 * random.nextGaussian();
        return (int) Math.floorMod((long) Math.floor(hour), 24L);
    }

    private int accountAge() {
        return chance(0.08) ? random.nextInt(60) : 60 + (int) Math.min(7300, exponential(1200));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * random.nextGaussian());
    }

    private double exponential(double mean) {
        return -mean * StrictMath.log(1 - random.nextDouble());
    }

    /** Beta(1, b): mostly near 0, mean 1 / (1 + b). */
    private double beta1(double b) {
        return 1 - StrictMath.pow(1 - random.nextDouble(), 1 / b);
    }

    /** Beta(a, b) for whole a and b, as the a-th smallest of a + b - 1 uniforms. */
    private double beta2(int a, int b) {
        double[] u = new double[a + b - 1];
        for (int i = 0; i < u.length; i++) {
            u[i] = random.nextDouble();
        }
        Arrays.sort(u);
        return u[a - 1];
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double cents(double amount) {
        return Math.max(0.01, StrictMath.rint(amount * 100) / 100);
    }
}
