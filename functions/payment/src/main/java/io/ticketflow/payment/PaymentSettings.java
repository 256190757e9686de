package io.ticketflow.payment;

import io.ticketflow.kernel.function.Settings;
import java.time.Duration;
import java.util.function.Function;

/**
 * The Payment service's configuration (environment variables on Lambda, system properties locally).
 *
 * @param bookingSagaArn  the booking saga's state machine ARN; null when not configured (then the saga-facing
 *                        functions fail on first use, saying so, and the rest still work)
 * @param confirmWait     how long {@code POST /payments} waits for the booking's outcome before answering 202
 * @param faultInjection  whether the {@code X-Fault-Inject} header is honoured (only the local runtime sets it)
 */
public record PaymentSettings(String bookingSagaArn, String bookingCancellationArn, Duration confirmWait,
                              boolean faultInjection) {

    public static final String BOOKING_SAGA_ARN = "BOOKING_SAGA_ARN";
    /** The cancellation saga's state machine: a booking's view shows its cancellation. */
    public static final String BOOKING_CANCELLATION_ARN = "BOOKING_CANCELLATION_ARN";
    public static final String CONFIRM_WAIT_MILLIS = "PAYMENT_CONFIRM_WAIT_MILLIS";
    public static final String FAULT_INJECTION = "TICKETFLOW_FAULT_INJECTION";
    /** The card provider's API base URL (the CDK context {@code paymentProviderUrl}); locally the simulated one. */
    public static final String PROVIDER_URL = "PAYMENT_PROVIDER_URL";
    static final Duration DEFAULT_CONFIRM_WAIT = Duration.ofMillis(3000);

    public static PaymentSettings from(Function<String, String> properties) {
        Settings settings = new Settings(properties);
        return new PaymentSettings(settings.text(BOOKING_SAGA_ARN), settings.text(BOOKING_CANCELLATION_ARN),
                settings.millis(CONFIRM_WAIT_MILLIS, DEFAULT_CONFIRM_WAIT),
                "enabled".equalsIgnoreCase(settings.text(FAULT_INJECTION)));
    }

    /** @throws IllegalStateException when no saga is configured: a deployment error, not a user's */
    public String requireBookingSagaArn() {
        if (bookingSagaArn == null) {
            throw new IllegalStateException(BOOKING_SAGA_ARN + " is not configured");
        }
        return bookingSagaArn;
    }

    /** @throws IllegalStateException when no cancellation saga is configured: a deployment error, not a user's */
    public String requireBookingCancellationArn() {
        if (bookingCancellationArn == null) {
            throw new IllegalStateException(BOOKING_CANCELLATION_ARN + " is not configured");
        }
        return bookingCancellationArn;
    }
}
