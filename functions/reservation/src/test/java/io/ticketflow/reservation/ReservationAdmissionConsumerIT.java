package io.ticketflow.reservation;

import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.messaging.FreshAccount;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.testing.TestPasses;
import io.ticketflow.messaging.AdmissionGate;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contract test: a recorded SQS batch through Spring Cloud Function's {@link FunctionInvoker}, exactly as Lambda
 * invokes the function, against Reservation's real tables on moto.
 */
@ExtendWith(MotoExtension.class)
class ReservationAdmissionConsumerIT {

    private static final String BATCH = "/events/sqs-queue-expired-and-poison.json";
    private static final String POISON_MESSAGE_ID = "2e1424d4-f796-459a-8184-9c92662be6da";

    private static final TestPasses QUEUE = new TestPasses();

    private static AwsClients aws;
    private static FunctionInvoker invoker;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startFunction(EmulatorEndpoint endpoint) {
        aws = FreshAccount.clients(endpoint);
        CatalogueProvisioner provisioning = new CatalogueProvisioner(aws.dynamoDb(), aws.sqs(), aws.settings(), KernelBeans.newJsonMapper());
        provisioning.table(Catalogue.table(ReservationFunctions.ADMISSIONS_TABLE));
        provisioning.table(Catalogue.table(ReservationFunctions.INBOX_TABLE));
        // what the Lambda environment would carry
        System.setProperty("MAIN_CLASS", ReservationFunctions.class.getName());
        System.setProperty(AwsSettings.ENDPOINT, endpoint.uri().toString());
        System.setProperty(AwsSettings.REGION, endpoint.region());
        System.setProperty(AwsSettings.RESOURCE_PREFIX, aws.settings().resourcePrefix());
        QUEUE.properties().forEach(System::setProperty);
        System.setProperty(ReservationSettings.BOOKING_SAGA_ARN, ReservationFixture.standInStateMachine(aws, "booking-saga"));
        System.setProperty(ReservationSettings.BOOKING_CANCELLATION_ARN,
                ReservationFixture.standInStateMachine(aws, "booking-cancellation"));
        invoker = new FunctionInvoker(ReservationFunctions.ADMISSION_CONSUMER);
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    @Test
    void recordedBatch_revokesThePass_andReportsOnlyThePoisonMessage_evenWhenRedelivered() throws IOException {
        JsonNode first = invoke(BATCH);
        JsonNode redelivered = invoke(BATCH);

        assertThat(first.toString()).isEqualTo(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + POISON_MESSAGE_ID + "\"}]}");
        assertThat(redelivered).isEqualTo(first);
        AdmissionGate gate = new AdmissionGate(AdmissionKeys.verifier(QUEUE.properties()::get, aws::kms), aws.dynamoDb(),
                aws.settings().physicalName(ReservationFunctions.ADMISSIONS_TABLE));
        String passBeforeTheExpiry = QUEUE.issue("user-42", "concert-1", "qt-6f1d2c9e8b7a", 2, Instant.now().plusSeconds(60));
        assertThatThrownBy(() -> gate.admit(passBeforeTheExpiry, "user-42", "concert-1", Instant.now()))
                .isInstanceOf(ProblemException.class).hasMessageContaining("revoked");
        assertThat(aws.dynamoDb().scan(request -> request.tableName(
                aws.settings().physicalName(ReservationFunctions.INBOX_TABLE))).count()).isEqualTo(1);
    }

    private JsonNode invoke(String eventFile) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream event = getClass().getResourceAsStream(eventFile)) {
            invoker.handleRequest(new ByteArrayInputStream(event.readAllBytes()), output, null);
        }
        return json.readTree(output.toString(StandardCharsets.UTF_8));
    }
}
