package io.ticketflow.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults the local runtime injects on purpose, to show that nothing is lost or done twice when Lambda and SQS
 * misbehave as they may on AWS ({@code run-local --faults crash=0.05,delay=200ms,duplicate=0.05,drop=0.01}):
 * <ul>
 *   <li>{@code crash}: the probability that an invocation dies after its handler returned, so its writes are
 *       made but its answer is lost: API Gateway answers 500, an event source retries the batch, Step Functions
 *       sees {@code Lambda.Unknown} (what AWS reports for a function that ran out of memory or timed out);</li>
 *   <li>{@code delay}: each invocation first waits a random time up to this long;</li>
 *   <li>{@code duplicate}: the probability that an SQS message handled successfully is not deleted but made
 *       visible again at once, so it is delivered a second time;</li>
 *   <li>{@code drop}: the probability that a received SQS message is not handed to the function; it comes back
 *       after the visibility timeout, as a lost delivery does.</li>
 * </ul>
 * Operator calls of the runtime itself (publishing the demo catalogue) are not subject to faults, nor is anything
 * while they are {@link #disarm() disarmed} (a benchmark sets its stage up first).
 */
public final class Faults {

    public static final Faults NONE = new Faults(0, Duration.ZERO, 0, 0);

    private final double crash;
    private final Duration delay;
    private final double duplicate;
    private final double drop;
    private final AtomicLong crashed = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean armed = true;

    public Faults(double crash, Duration delay, double duplicate, double drop) {
        this.crash = probability("crash", crash);
        this.delay = delay == null || delay.isNegative() ? Duration.ZERO : delay;
        this.duplicate = probability("duplicate", duplicate);
        this.drop = probability("drop", drop);
    }

    /**
     * @param spec comma-separated {@code name=value}: {@code crash}, {@code duplicate}, {@code drop} are
     *             probabilities (0..1), {@code delay} a duration such as {@code 200ms} or {@code 1s}
     * @throws IllegalArgumentException on an unknown name or a bad value: a typo must not run without faults
     */
    public static Faults parse(String spec) {
        double crash = 0;
        double duplicate = 0;
        double drop = 0;
        Duration delay = Duration.ZERO;
        for (String part : spec.split(",")) {
            String trimmed = part.trim();
            int eq = trimmed.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--faults expects name=value pairs, got '" + trimmed + "'");
            }
            String name = trimmed.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = trimmed.substring(eq + 1);
            switch (name) {
                case "crash" -> crash = number(name, value);
                case "duplicate", "dup" -> duplicate = number(name, value);
                case "drop" -> drop = number(name, value);
                case "delay" -> delay = duration(value);
                default -> throw new IllegalArgumentException("unknown fault '" + name
                        + "' (known: crash, delay, duplicate, drop)");
            }
        }
        return new Faults(crash, delay, duplicate, drop);
    }

    /** Faults fire from now on (the default). */
    public Faults arm() {
        armed = true;
        return this;
    }

    /** No fault fires until {@link #arm()}. */
    public Faults disarm() {
        armed = false;
        return this;
    }

    public boolean any() {
        return crash > 0 || duplicate > 0 || drop > 0 || !delay.isZero();
    }

    /** Waits the invocation's random delay, if any. */
    void delayInvocation() {
        if (delay.isZero() || !armed) {
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(delay.toMillis() + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this invocation dies now, after its handler returned. */
    boolean crashesNow() {
        return roll(crash, crashed);
    }

    boolean duplicatesNow() {
        return roll(duplicate, duplicated);
    }

    boolean dropsNow() {
        return roll(drop, dropped);
    }

    /** How many of each fault were injected so far. */
    public Map<String, Long> injected() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("crash", crashed.get());
        counts.put("duplicate", duplicated.get());
        counts.put("drop", dropped.get());
        return counts;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "crash=%s,delay=%dms,duplicate=%s,drop=%s", crash, delay.toMillis(), duplicate, drop);
    }

    private boolean roll(double probability, AtomicLong counter) {
        if (armed && probability > 0 && ThreadLocalRandom.current().nextDouble() < probability) {
            counter.incrementAndGet();
            return true;
        }
        return false;
    }

    private static double probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("fault " + name + " is a probability between 0 and 1, got " + value);
        }
        return value;
    }

    private static double number(String name, String value) {
        try {
            return probability(name, Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault " + name + " is a probability between 0 and 1, got '" + value + "'", e);
        }
    }

    private static Duration duration(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
            }
            if (lower.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1)));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault delay is a duration like 200ms or 1s, got '" + value + "'", e);
        }
        throw new IllegalArgumentException("fault delay is a duration like 200ms or 1s, got '" + value + "'");
    }

    /** The invocation's death, raised after the handler returned. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String function) {
            super("simulated crash of " + function + " after its handler returned (--faults crash)");
        }
    }
}
