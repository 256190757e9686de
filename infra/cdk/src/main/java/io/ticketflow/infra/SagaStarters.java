package io.ticketflow.infra;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Grant;
import io.ticketflow.catalog.Service;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * The functions that talk to a saga, and the configuration key under which they find its state machine's ARN (the
 * same keys the local runtime sets). What each may do with the machine is its catalogue grants
 * ({@link FunctionGrants}); the ARNs here are built from physical names.
 */
final class SagaStarters {

    private static final Map<String, String> ARN_CONFIG = Map.of(
            Catalogue.BOOKING_SAGA, "BOOKING_SAGA_ARN",
            Catalogue.BOOKING_CANCELLATION, "BOOKING_CANCELLATION_ARN");

    private SagaStarters() {
    }

    /** Configuration key → state machine, for every machine the function must find. */
    static Map<String, String> arnConfigs(FunctionSpec spec) {
        Map<String, String> machines = new TreeMap<>();
        spec.grants().stream().filter(Grant::onStateMachine)
                .forEach(grant -> machines.put(arnConfig(grant.resource()), grant.resource()));
        // Every Payment and Reservation function needs both sagas' ARNs: the service's context builds its saga
        // clients at start (and Reservation's refuses to start without them), whatever the function may do with them.
        if (spec.service() == Service.PAYMENT || spec.service() == Service.RESERVATION) {
            machines.put(arnConfig(Catalogue.BOOKING_SAGA), Catalogue.BOOKING_SAGA);
            machines.put(arnConfig(Catalogue.BOOKING_CANCELLATION), Catalogue.BOOKING_CANCELLATION);
        }
        return machines;
    }

    private static String arnConfig(String stateMachine) {
        String key = ARN_CONFIG.get(stateMachine);
        if (key == null) {
            throw new IllegalStateException("no configuration key for the state machine " + stateMachine);
        }
        return key;
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
