package io.ticketflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentSettingsTest {

    @Test
    void nothingConfigured_waits3Seconds_withoutFaultInjection_andNoSaga() {
        PaymentSettings settings = PaymentSettings.from(key -> null);

        assertThat(settings.confirmWait()).isEqualTo(Duration.ofMillis(3000));
        assertThat(settings.faultInjection()).isFalse();
        assertThatThrownBy(settings::requireBookingSagaArn).hasMessageContaining(PaymentSettings.BOOKING_SAGA_ARN);
        assertThatThrownBy(settings::requireBookingCancellationArn)
                .hasMessageContaining(PaymentSettings.BOOKING_CANCELLATION_ARN);
    }

    @Test
    void configured_readsEveryKey_andFaultInjectionOnlyForEnabled() {
        Map<String, String> env = Map.of(
                PaymentSettings.BOOKING_SAGA_ARN, "arn:aws:states:us-east-1:123456789012:stateMachine:booking-saga",
                PaymentSettings.BOOKING_CANCELLATION_ARN,
                "arn:aws:states:us-east-1:123456789012:stateMachine:booking-cancellation",
                PaymentSettings.CONFIRM_WAIT_MILLIS, "250",
                PaymentSettings.FAULT_INJECTION, "enabled");

        PaymentSettings settings = PaymentSettings.from(env::get);

        assertThat(settings.confirmWait()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.faultInjection()).isTrue();
        assertThat(settings.requireBookingSagaArn()).endsWith(":stateMachine:booking-saga");
        assertThat(settings.requireBookingCancellationArn()).endsWith(":stateMachine:booking-cancellation");
        assertThat(PaymentSettings.from(Map.of(PaymentSettings.FAULT_INJECTION, "yes")::get).faultInjection()).isFalse();
    }

    @Test
    void unreadableWait_failsNamingTheKey() {
        assertThatThrownBy(() -> PaymentSettings.from(Map.of(PaymentSettings.CONFIRM_WAIT_MILLIS, "soon")::get))
                .hasMessageContaining(PaymentSettings.CONFIRM_WAIT_MILLIS);
    }
}
