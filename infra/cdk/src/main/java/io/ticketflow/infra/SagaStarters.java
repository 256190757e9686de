package io.ticketflow.infra;

import java.util.Map;
import java.util.Optional;

import io.ticketflow.catalog.ReservationResources;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * The functions that start a saga execution, the state machine each starts and the configuration key under
 * which it finds the ARN (the same keys the local runtime sets). Their service stack sets that key and grants
 * {@code states:StartExecution} on that one machine, by ARN built from its physical name.
 */
final class SagaStarters {

    /** What one function starts. */
    record Started(String stateMachine, String arnConfig) {
    }

    private static final Map<String, Started> BY_FUNCTION = Map.of(
            ReservationResources.HOLD_SEATS, new Started(SagaStack.STATE_MACHINE, "BOOKING_SAGA_ARN"),
            ReservationResources.CANCEL_BOOKING, new Started(SagaStack.CANCELLATION_STATE_MACHINE, "BOOKING_CANCELLATION_ARN"));

    private SagaStarters() {
    }

    static Optional<Started> of(String functionName) {
        return Optional.ofNullable(BY_FUNCTION.get(functionName));
    }

    static String stateMachineArn(Construct scope, String physicalName) {
        return Stack.of(scope).formatArn(ArnComponents.builder()
                .service("states")
                .resource("stateMachine")
                .resourceName(physicalName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    }
}
