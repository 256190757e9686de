package io.ticketflow.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A deployable function: one Spring Cloud Function bean behind one Lambda function.
 *
 * @param name        function bean name, also {@code spring.cloud.function.definition}
 * @param service     owning service: decides the jar and the start class
 * @param memoryMb    Lambda memory size
 * @param timeoutSeconds Lambda timeout
 * @param reservedConcurrency null for unreserved; set where it protects a dependency
 * @param grants      everything the function's code does to tables, queues, state machines and the pass key;
 *                    the deployment grants exactly this (see {@link Grant})
 */
public record FunctionSpec(String name, Service service, FunctionKind kind, int memoryMb, int timeoutSeconds,
                           Integer reservedConcurrency, List<Grant> grants) {

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(kind, "kind");
        grants = List.copyOf(grants);
    }

    public static FunctionSpec of(String name, Service service, FunctionKind kind) {
        return new FunctionSpec(name, service, kind, 1024, kind == FunctionKind.HTTP ? 10 : 30, null, List.of());
    }

    public FunctionSpec withReservedConcurrency(int limit) {
        return new FunctionSpec(name, service, kind, memoryMb, timeoutSeconds, limit, grants);
    }

    public FunctionSpec withTimeout(int seconds) {
        return new FunctionSpec(name, service, kind, memoryMb, seconds, reservedConcurrency, grants);
    }

    /** This function, allowed to do exactly {@code granted}. */
    public FunctionSpec uses(Grant... granted) {
        return new FunctionSpec(name, service, kind, memoryMb, timeoutSeconds, reservedConcurrency, Arrays.asList(granted));
    }
}
