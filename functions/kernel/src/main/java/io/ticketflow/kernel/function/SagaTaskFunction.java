package io.ticketflow.kernel.function;

import io.ticketflow.kernel.observe.Correlation;
import io.ticketflow.kernel.saga.StepFaultInjected;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A task function (saga step, scheduled task) between plain JSON and its typed action, with the
 * fault-injection switch for tests and demos.
 *
 * <p>When the switch is on (only the local runtime sets {@code TICKETFLOW_FAULT_INJECTION=enabled}), a payload
 * whose {@code faultAt} names this function — directly, or inside the booking saga's {@code payment} (the
 * output of {@code POST /payments}, which the ASL hands to every later step) — fails with
 * {@link StepFaultInjected} before the action runs, so the saga takes the same {@code Catch} as for a real
 * failure of that step. {@code faultAt} may list several functions, comma-separated.
 *
 * <p>Its log lines carry the booking's id (the payload's {@code reservationId}) as {@link Correlation} id, and a
 * step that throws is reported to {@code failed} (a saga step counts a {@code SagaFailures} metric) before the
 * error goes on to the state machine unchanged.
 */
final class SagaTaskFunction<I, O> implements Function<JsonNode, O> {

    static final String FAULT_INJECTION = "TICKETFLOW_FAULT_INJECTION";
    static final String FAULT_INJECTION_ENABLED = "enabled";

    private static final Logger LOG = LoggerFactory.getLogger(SagaTaskFunction.class);

    private final String name;
    private final Class<I> inputType;
    private final Function<I, O> action;
    private final JsonMapper json;
    private final boolean faultInjection;
    private final Runnable failed;

    SagaTaskFunction(String name, Class<I> inputType, Function<I, O> action, JsonMapper json, boolean faultInjection,
                     Runnable failed) {
        this.name = Objects.requireNonNull(name, "name");
        this.inputType = Objects.requireNonNull(inputType, "inputType");
        this.action = Objects.requireNonNull(action, "action");
        this.json = Objects.requireNonNull(json, "json");
        this.faultInjection = faultInjection;
        this.failed = Objects.requireNonNull(failed, "failed");
    }

    @Override
    public O apply(JsonNode payload) {
        JsonNode booking = payload.path("reservationId");
        return Correlation.with(booking.isString() ? booking.stringValue() : null, () -> {
            try {
                if (faultInjection && faultRequested(payload)) {
                    throw new StepFaultInjected(name);
                }
                return action.apply(json.treeToValue(payload, inputType));
            } catch (RuntimeException stepFailed) {
                // the error's name only: what the state machine branches on; messages may carry amounts or ids
                LOG.warn("saga step {} failed: {}", name, stepFailed.getClass().getSimpleName());
                failed.run();
                throw stepFailed;
            }
        });
    }

    private boolean faultRequested(JsonNode payload) {
        return names(payload.path("faultAt")) || names(payload.path("payment").path("faultAt"));
    }

    private boolean names(JsonNode faultAt) {
        return faultAt.isString() && Arrays.stream(faultAt.stringValue().split(","))
                .map(String::trim)
                .anyMatch(name::equals);
    }
}
