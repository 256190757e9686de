package io.ticketflow.infra;

import java.util.Arrays;
import java.util.Locale;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * A deployment stage. Only {@code dev} may lose data on teardown: {@code prod} tables keep deletion
 * protection and every stateful resource is retained when its stack is deleted.
 */
public enum Stage {
    DEV(false, RemovalPolicy.DESTROY, RetentionDays.ONE_WEEK, 50, 100, true),
    PROD(true, RemovalPolicy.RETAIN, RetentionDays.THREE_MONTHS, 500, 1000, false);

    private final boolean deletionProtection;
    private final RemovalPolicy removalPolicy;
    private final RetentionDays logRetention;
    private final int apiRateLimit;
    private final int apiBurstLimit;
    private final boolean logExecutionData;

    Stage(boolean deletionProtection, RemovalPolicy removalPolicy, RetentionDays logRetention,
          int apiRateLimit, int apiBurstLimit, boolean logExecutionData) {
        this.deletionProtection = deletionProtection;
        this.removalPolicy = removalPolicy;
        this.logRetention = logRetention;
        this.apiRateLimit = apiRateLimit;
        this.apiBurstLimit = apiBurstLimit;
        this.logExecutionData = logExecutionData;
    }

    public static Stage parse(String name) {
        return Arrays.stream(values())
                .filter(s -> s.id().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown stage '" + name + "': use -c stage=dev or -c stage=prod"));
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
        return apiRateLimit;
    }

    public int apiBurstLimit() {
        return apiBurstLimit;
    }

    /** Saga execution data carries user ids and task tokens: logged in dev only. */
    public boolean logExecutionData() {
        return logExecutionData;
    }
}
