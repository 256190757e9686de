package io.ticketflow.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Service;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.testing.TestPasses;
import java.util.HashMap;
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
    void initializer_registersEveryReservationFunctionOfTheCatalogue_underItsName() {
        try (GenericApplicationContext ctx = new GenericApplicationContext()) {
            new ReservationFunctions().initialize(ctx);

            assertThat(Catalogue.functions()).filteredOn(f -> f.service() == Service.RESERVATION)
                    .isNotEmpty()
                    .extracting(FunctionSpec::name)
                    .allSatisfy(name -> assertThat(ctx.containsBeanDefinition(name)).as(name).isTrue());
        }
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
