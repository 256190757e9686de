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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.catalog.Service;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.testing.LambdaStarts;
import io.ticketflow.kernel.testing.TestPasses;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.MapPropertySource;

class ReservationFunctionsTest {

    private static final String SAGA = "arn:aws:states:us-east-1:123456789012:stateMachine:booking-saga";
    private static final String CANCELLATION = "arn:aws:states:us-east-1:123456789012:stateMachine:booking-cancellation";

    @Test
    void everyReservationFunctionOfTheCatalogue_startsWithTheEnvironmentTheCdkAppGivesItsLambda() {
        assertThat(LambdaStarts.everyFunctionOf(Service.RESERVATION, ReservationFunctions::new,
                ReservationFunctionsTest::cdkEnvironment))
                .containsExactlyInAnyOrder(HOLD_SEATS, GET_RESERVATION, CANCEL_RESERVATION, CANCEL_BOOKING,
                        EXPIRE_HOLDS, ADMISSION_CONSUMER, CATALOG_CONSUMER, EVENTS_RELAY, CONFIRM_RESERVATION,
                        RELEASE_SEATS, REPORT_STUCK_BOOKING);
    }

    /** ServiceStack and SagaStarters: every function gets the pass key and both saga ARNs (the context needs them). */
    private static Map<String, String> cdkEnvironment(String function) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(AdmissionKeys.KMS_KEY_ID, LambdaStarts.ADMISSION_KMS_KEY);
        environment.put(ReservationSettings.BOOKING_SAGA_ARN, LambdaStarts.stateMachineArn("booking-saga"));
        environment.put(ReservationSettings.BOOKING_CANCELLATION_ARN, LambdaStarts.stateMachineArn("booking-cancellation"));
        return environment;
    }

    @Test
    void everySettingGiven_theContextStarts() {
        try (GenericApplicationContext ctx = context(Map.of(
                ReservationSettings.BOOKING_SAGA_ARN, SAGA, ReservationSettings.BOOKING_CANCELLATION_ARN, CANCELLATION))) {
            ctx.refresh();

            assertThat(ctx.isActive()).isTrue();
        }
    }

    @Test
    void withoutTheBookingSagaArn_theContextRefusesToStart_namingTheSetting() {
        assertRefusesToStart(Map.of(ReservationSettings.BOOKING_CANCELLATION_ARN, CANCELLATION),
                ReservationSettings.BOOKING_SAGA_ARN);
        assertRefusesToStart(Map.of(ReservationSettings.BOOKING_SAGA_ARN, " ",
                ReservationSettings.BOOKING_CANCELLATION_ARN, CANCELLATION), ReservationSettings.BOOKING_SAGA_ARN);
    }

    @Test
    void withoutTheCancellationSagaArn_theContextRefusesToStart_namingTheSetting() {
        assertRefusesToStart(Map.of(ReservationSettings.BOOKING_SAGA_ARN, SAGA), ReservationSettings.BOOKING_CANCELLATION_ARN);
    }

    private static void assertRefusesToStart(Map<String, Object> sagas, String missing) {
        try (GenericApplicationContext ctx = context(sagas)) {
            assertThatThrownBy(ctx::refresh)
                    .extracting(NestedExceptionUtils::getMostSpecificCause, InstanceOfAssertFactories.THROWABLE)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(missing + " is not configured");
        }
    }

    /** The Reservation context as Lambda starts it, with every other setting it needs (no AWS call is made). */
    private static GenericApplicationContext context(Map<String, Object> sagas) {
        Map<String, Object> environment = new HashMap<>(sagas);
        environment.putAll(new TestPasses().properties());
        environment.put(AwsSettings.ENDPOINT, "http://127.0.0.1:9");
        environment.put(AwsSettings.REGION, "us-east-1");
        GenericApplicationContext ctx = new GenericApplicationContext();
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", environment));
        new ReservationFunctions().initialize(ctx);
        return ctx;
    }
}
