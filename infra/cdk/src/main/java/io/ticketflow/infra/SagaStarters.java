package io.ticketflow.infra;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.PaymentResources;
import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.catalog.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * The functions that talk to a saga: the state machine, the configuration key under which they find its ARN
 * (the same keys the local runtime sets), and what they may do — start it, answer its task tokens, read its
 * executions. Their service stack sets that key and grants exactly those actions on that one machine (and its
 * executions), by ARN built from its physical name.
 */
final class SagaStarters {

    private static final String BOOKING_SAGA_ARN = "BOOKING_SAGA_ARN";
    private static final String BOOKING_CANCELLATION_ARN = "BOOKING_CANCELLATION_ARN";

    /** What one function may do with one state machine. */
    record Started(String stateMachine, String arnConfig, List<String> stateMachineActions,
                   List<String> executionActions) {
    }

    /** Every Payment function needs both sagas' ARNs: the service's context builds its saga client at start. */
    private static final Started PAYMENT_BOOKING_CONFIGURATION =
            new Started(SagaStack.STATE_MACHINE, BOOKING_SAGA_ARN, List.of(), List.of());
    private static final Started PAYMENT_CANCELLATION_CONFIGURATION =
            new Started(SagaStack.CANCELLATION_STATE_MACHINE, BOOKING_CANCELLATION_ARN, List.of(), List.of());

    private static final Map<String, List<Started>> BY_FUNCTION = Map.of(
            ReservationResources.HOLD_SEATS, List.of(new Started(SagaStack.STATE_MACHINE, BOOKING_SAGA_ARN,
                    List.of("states:StartExecution"), List.of())),
            ReservationResources.CANCEL_BOOKING, List.of(new Started(SagaStack.CANCELLATION_STATE_MACHINE,
                    BOOKING_CANCELLATION_ARN, List.of("states:StartExecution"), List.of())),
            // pay resumes the waiting saga with the task token and waits briefly for its outcome
            PaymentResources.PAY, List.of(new Started(SagaStack.STATE_MACHINE, BOOKING_SAGA_ARN,
                    List.of("states:SendTaskSuccess", "states:SendTaskFailure"), List.of("states:DescribeExecution")),
                    PAYMENT_CANCELLATION_CONFIGURATION),
            // a booking's view reads its saga and, once confirmed, the cancellation of the same name
            PaymentResources.BOOKING_STATUS, List.of(new Started(SagaStack.STATE_MACHINE, BOOKING_SAGA_ARN,
                    List.of(), List.of("states:DescribeExecution", "states:GetExecutionHistory")),
                    new Started(SagaStack.CANCELLATION_STATE_MACHINE, BOOKING_CANCELLATION_ARN,
                            List.of(), List.of("states:DescribeExecution", "states:GetExecutionHistory"))));

    /**
     * Every Reservation function needs both sagas' ARNs: the service's context builds both saga clients at start
     * and refuses to start without them. Only holdSeats and cancelBooking may start theirs.
     */
    private static final Map<String, String> RESERVATION_CONFIGURATION = Map.of(
            BOOKING_SAGA_ARN, SagaStack.STATE_MACHINE, BOOKING_CANCELLATION_ARN, SagaStack.CANCELLATION_STATE_MACHINE);

    private SagaStarters() {
    }

    /** What the function may do with each state machine it talks to; empty when it talks to none. */
    static List<Started> of(String functionName) {
        List<Started> started = BY_FUNCTION.get(functionName);
        if (started == null && Catalogue.functions().stream()
                .anyMatch(f -> f.name().equals(functionName) && f.service() == Service.PAYMENT)) {
            return List.of(PAYMENT_BOOKING_CONFIGURATION, PAYMENT_CANCELLATION_CONFIGURATION);
        }
        return started == null ? List.of() : started;
    }

    /** The state machine ARN settings of a function's environment: setting → logical state machine name. */
    static Map<String, String> configuration(String functionName) {
        boolean reservation = Catalogue.functions().stream()
                .anyMatch(f -> f.name().equals(functionName) && f.service() == Service.RESERVATION);
        if (reservation) {
            return RESERVATION_CONFIGURATION;
        }
        Map<String, String> configuration = new LinkedHashMap<>();
        of(functionName).forEach(started -> configuration.put(started.arnConfig(), started.stateMachine()));
        return configuration;
    }

    static String stateMachineArn(Construct scope, String physicalName) {
        return Stack.of(scope).formatArn(ArnComponents.builder()
                .service("states")
                .resource("stateMachine")
                .resourceName(physicalName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    }

    /** The ARNs of every execution of that state machine. */
    static String executionsArn(Construct scope, String physicalName) {
        return Stack.of(scope).formatArn(ArnComponents.builder()
                .service("states")
                .resource("execution")
                .resourceName(physicalName + ":*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    }
}
