package io.ticketflow.payment;

import static io.ticketflow.catalog.PaymentResources.ADMISSION_CONSUMER;
import static io.ticketflow.catalog.PaymentResources.AWAIT_PAYMENT;
import static io.ticketflow.catalog.PaymentResources.BOOKING_STATUS;
import static io.ticketflow.catalog.PaymentResources.CANCEL_PAYMENT;
import static io.ticketflow.catalog.PaymentResources.EVENTS_RELAY;
import static io.ticketflow.catalog.PaymentResources.GET_PAYMENT;
import static io.ticketflow.catalog.PaymentResources.PAY;
import static io.ticketflow.catalog.PaymentResources.AUTHORISE_PAYMENT;
import static io.ticketflow.catalog.PaymentResources.CAPTURE_PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.catalog.Service;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.testing.LambdaStarts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentFunctionsTest {

    /** ServiceStack and SagaStarters: every payment function gets the pass key and both sagas' ARNs. */
    private static final Map<String, String> CDK_ENVIRONMENT = Map.of(
            AdmissionKeys.KMS_KEY_ID, LambdaStarts.ADMISSION_KMS_KEY,
            PaymentSettings.BOOKING_SAGA_ARN, LambdaStarts.stateMachineArn("booking-saga"),
            PaymentSettings.BOOKING_CANCELLATION_ARN, LambdaStarts.stateMachineArn("booking-cancellation"),
            PaymentSettings.PROVIDER_URL, "https://provider.example/v1");

    @Test
    void everyPaymentFunctionOfTheCatalogue_startsWithTheEnvironmentTheCdkAppGivesItsLambda() {
        assertThat(LambdaStarts.everyFunctionOf(Service.PAYMENT, PaymentFunctions::new, function -> CDK_ENVIRONMENT))
                .containsExactlyInAnyOrder(PAY, GET_PAYMENT, BOOKING_STATUS, AWAIT_PAYMENT, AUTHORISE_PAYMENT,
                        CAPTURE_PAYMENT,
                        CANCEL_PAYMENT, ADMISSION_CONSUMER, EVENTS_RELAY);
    }

    @Test
    void aPaymentFunctionWithoutTheProviderUrl_failsAtStartUp_namingTheSetting() {
        Map<String, String> withoutProvider = new java.util.HashMap<>(CDK_ENVIRONMENT);
        withoutProvider.remove(PaymentSettings.PROVIDER_URL);

        assertThatThrownBy(() -> LambdaStarts.everyFunctionOf(Service.PAYMENT, PaymentFunctions::new,
                function -> withoutProvider))
                .hasMessageContaining(PaymentSettings.PROVIDER_URL + " is not set");
    }
}
