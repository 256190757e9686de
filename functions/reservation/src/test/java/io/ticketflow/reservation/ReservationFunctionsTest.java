package io.ticketflow.reservation;

import static io.ticketflow.catalog.ReservationResources.ADMISSION_CONSUMER;
import static io.ticketflow.catalog.ReservationResources.CANCEL_BOOKING;
import static io.ticketflow.catalog.ReservationResources.CANCEL_RESERVATION;
import static io.ticketflow.catalog.ReservationResources.CATALOG_CONSUMER;
import static io.ticketflow.catalog.ReservationResources.CONFIRM_RESERVATION;
import static io.ticketflow.catalog.ReservationResources.EVENTS_RELAY;
import static io.ticketflow.catalog.ReservationResources.EXPIRE_HOLDS;
import static io.ticketflow.catalog.ReservationResources.GET_RESERVATION;
import static io.ticketflow.catalog.ReservationResources.HOLD_SEATS;
import static io.ticketflow.catalog.ReservationResources.RELEASE_SEATS;
import static io.ticketflow.catalog.ReservationResources.REPORT_STUCK_BOOKING;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Service;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.testing.LambdaStarts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReservationFunctionsTest {

    @Test
    void everyReservationFunctionOfTheCatalogue_startsWithTheEnvironmentTheCdkAppGivesItsLambda() {
        assertThat(LambdaStarts.everyFunctionOf(Service.RESERVATION, ReservationFunctions::new,
                ReservationFunctionsTest::cdkEnvironment))
                .containsExactlyInAnyOrder(HOLD_SEATS, GET_RESERVATION, CANCEL_RESERVATION, CANCEL_BOOKING,
                        EXPIRE_HOLDS, ADMISSION_CONSUMER, CATALOG_CONSUMER, EVENTS_RELAY, CONFIRM_RESERVATION,
                        RELEASE_SEATS, REPORT_STUCK_BOOKING);
    }

    /** ServiceStack and SagaStarters: every function gets the pass key; only the two that start a saga its ARN. */
    private static Map<String, String> cdkEnvironment(String function) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(AdmissionKeys.KMS_KEY_ID, LambdaStarts.ADMISSION_KMS_KEY);
        if (function.equals(HOLD_SEATS)) {
            environment.put(ReservationSettings.BOOKING_SAGA_ARN, LambdaStarts.stateMachineArn("booking-saga"));
        }
        if (function.equals(CANCEL_BOOKING)) {
            environment.put(ReservationSettings.BOOKING_CANCELLATION_ARN,
                    LambdaStarts.stateMachineArn("booking-cancellation"));
        }
        return environment;
    }
}
