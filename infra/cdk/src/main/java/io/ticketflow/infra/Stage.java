package io.ticketflow.infra;

import java.util.Arrays;
import java.util.Locale;

import io.ticketflow.catalog.FunctionKind;
import io.ticketflow.catalog.FunctionSpec;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * A deployment stage. Only {@code dev} may lose data on teardown: {@code staging} and {@code prod} tables keep
 * deletion protection and every stateful resource is retained when its stack is deleted.
 */
public enum Stage {
    DEV(false, RemovalPolicy.DESTROY, RetentionDays.ONE_WEEK, new Throttle(50, 100), new Throttle(20, 40), null),
    STAGING(true, RemovalPolicy.RETAIN, RetentionDays.ONE_MONTH, new Throttle(200, 400), new Throttle(50, 100), null),
    PROD(true, RemovalPolicy.RETAIN, RetentionDays.THREE_MONTHS, new Throttle(500, 1000), new Throttle(100, 200), 40);

    /**
     * An API Gateway throttle: beyond it the gateway answers 429 before any function runs.
     *
     * @param rateLimit  steady-state requests per second
     * @param burstLimit requests the bucket takes at once
     */
    public record Throttle(int rateLimit, int burstLimit) {
    }

    private final boolean deletionProtection;
    private final RemovalPolicy removalPolicy;
    private final RetentionDays logRetention;
    private final Throttle apiThrottle;
    private final Throttle anonymousThrottle;
    private final Integer httpReservedConcurrency;

    Stage(boolean deletionProtection, RemovalPolicy removalPolicy, RetentionDays logRetention, Throttle apiThrottle,
          Throttle anonymousThrottle, Integer httpReservedConcurrency) {
        this.deletionProtection = deletionProtection;
        this.removalPolicy = removalPolicy;
        this.logRetention = logRetention;
        this.apiThrottle = apiThrottle;
        this.anonymousThrottle = anonymousThrottle;
        this.httpReservedConcurrency = httpReservedConcurrency;
    }

    public static Stage parse(String name) {
        return Arrays.stream(values())
                .filter(s -> s.id().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown stage '" + name + "': use -c stage=dev, -c stage=staging or -c stage=prod"));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean deletionProtection() {
        return deletionProtection;
    }

    public RemovalPolicy removalPolicy() {
        return removalPolicy;
    }

    public RetentionDays logRetention() {
        return logRetention;
    }

    /** Steady-state requests per second the HTTP API lets through before answering 429. */
    public int apiRateLimit() {
        return apiThrottle.rateLimit();
    }

    public int apiBurstLimit() {
        return apiThrottle.burstLimit();
    }

    /**
     * The throttle of each route anyone may call without a token (concert list, schedules, seat maps): stricter than
     * the stage's, so a crawler or a flood of anonymous reads cannot use up what the booking routes need.
     */
    public Throttle anonymousThrottle() {
        return anonymousThrottle;
    }

    /**
     * The concurrency the function reserves in this stage: its catalogue value where it declares one; else, for an
     * HTTP function, the stage's, so a flood on one route can neither take the account's whole concurrency from the
     * event consumers and saga steps nor run up more than that many instances; else none (null). Dev and staging
     * reserve nothing for HTTP functions: new accounts have too little concurrency to reserve any.
     */
    public Integer reservedConcurrency(FunctionSpec spec) {
        if (spec.reservedConcurrency() != null) {
            return spec.reservedConcurrency();
        }
        return spec.kind() == FunctionKind.HTTP ? httpReservedConcurrency : null;
    }
}
