package io.ticketflow.messaging;

import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import static io.ticketflow.messaging.EventMother.CONCERT;
import static io.ticketflow.messaging.EventMother.NOW;
import static io.ticketflow.messaging.EventMother.USER;
import static io.ticketflow.messaging.EventMother.activated;
import static io.ticketflow.messaging.EventMother.expired;
import static io.ticketflow.messaging.EventMother.restored;
import static io.ticketflow.messaging.EventMother.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.admission.AdmissionPass;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.testing.TestPasses;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reservation's admission consumer (the EventConsumer over the AdmissionEventHandler) and the gate that reads what
 * it wrote, on their real tables: passes admit without any event, revocations refuse only older activations.
 */
@ExtendWith(MotoExtension.class)
class EventConsumerIT {

    private static final Instant PASS_ENDS = NOW.plusSeconds(300);

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TestPasses queue = new TestPasses();
    private AwsClients aws;
    private String admissionTable;
    private String inboxTable;
    private EventConsumer consumer;
    private AdmissionGate gate;

    @BeforeEach
    void createTables(EmulatorEndpoint endpoint) {
        aws = FreshAccount.clients(endpoint);
        CatalogueProvisioner provisioning = new CatalogueProvisioner(aws.dynamoDb(), aws.sqs(), aws.settings(), KernelBeans.newJsonMapper());
        admissionTable = provisioning.table(Catalogue.table("reservation-admissions"));
        inboxTable = provisioning.table(Catalogue.table("reservation-inbox"));
        consumer = new EventConsumer(aws.dynamoDb(), inboxTable, new AdmissionEventHandler(admissionTable), json, clock);
        gate = new AdmissionGate(AdmissionKeys.verifier(queue.properties()::get, aws::kms), aws.dynamoDb(), admissionTable);
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void pass_admitsItsOwner_beforeAnyEventArrived() {
        AdmissionPass admitted = gate.admit(pass("qt-1", 2), USER, CONCERT, NOW);

        assertThat(admitted.queueToken()).isEqualTo("qt-1");
        assertThat(itemCount(admissionTable)).isZero();
    }

    @Test
    void activated_writesNothing_aPassNeedsNoEvent() {
        SQSBatchResponse response = consumer.apply(SqsBatches.of(body(activated("qt-1", 2, PASS_ENDS))));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(admissionItem("qt-1")).isEmpty();
    }

    @Test
    void everyExpiredDeliveredTwice_isAppliedOnce_andTheCopyLeavesTheViewUnchanged() {
        String event = body(expired("qt-1", 3));

        SQSBatchResponse first = consumer.apply(SqsBatches.of(event, event));
        Map<String, AttributeValue> afterFirst = admissionItem("qt-1");
        SQSBatchResponse redelivery = consumer.apply(SqsBatches.of(event));

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(redelivery.getBatchItemFailures()).isEmpty();
        assertThat(admissionItem("qt-1")).isEqualTo(afterFirst);
        assertThat(itemCount(inboxTable)).isEqualTo(1);
        assertRefused(pass("qt-1", 2), "admission-pass-revoked");
    }

    @Test
    void duplicateEvent_forAHandlerWithoutConditions_isStillAppliedOnlyOnce() {
        EventHandler counting = event -> List.of(TransactWriteItem.builder().update(Update.builder()
                        .tableName(admissionTable)
                        .key(Map.of(Catalogue.ADMISSION_PARTITION_KEY, AttributeValue.fromS("counter")))
                        .updateExpression("ADD applied :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .build())
                .build());
        EventConsumer countingConsumer = new EventConsumer(aws.dynamoDb(), inboxTable, counting, json, clock);
        String event = body(waiting("qt-1"));

        countingConsumer.apply(SqsBatches.of(event, event));
        countingConsumer.apply(SqsBatches.of(event));

        assertThat(admissionItem("counter").get("applied").n()).isEqualTo("1");
    }

    @Test
    void restoreArrivingAfterTheLaterExpiry_isANoOp_andThePassStaysRevoked() {
        SQSBatchResponse reordered = consumer.apply(SqsBatches.of(body(expired("qt-1", 5)), body(restored("qt-1", 3))));

        assertThat(reordered.getBatchItemFailures()).isEmpty();
        assertThat(admissionItem("qt-1").get("lastSequence").n()).isEqualTo("5");
        assertRefused(pass("qt-1", 4), "admission-pass-revoked");
    }

    @Test
    void restore_sendsTheOldPassBackToWaiting_whileThePassOfTheNextActivationAdmitsAtOnce() {
        SQSBatchResponse restore = consumer.apply(SqsBatches.of(body(restored("qt-1", 3))));

        assertThat(restore.getBatchItemFailures()).isEmpty();
        assertRefused(pass("qt-1", 2), "queue-token-waiting");
        assertThat(gate.admit(pass("qt-1", 4), USER, CONCERT, NOW).activation()).isEqualTo(4);
    }

    @Test
    void poisonBody_isReportedAsABatchItemFailure_whileTheRestOfTheBatchIsApplied() {
        SQSBatchResponse response = consumer.apply(SqsBatches.of("{not an event", body(expired("qt-1", 3))));

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier).containsExactly("m-0");
        assertRefused(pass("qt-1", 2), "admission-pass-revoked");
    }

    @Test
    void expiredWithoutItsToken_failsInTheHandler_andIsReportedNotRecorded() {
        EventEnvelope event = expired("qt-1", 3);
        ((ObjectNode) event.payload()).remove("token");

        SQSBatchResponse response = consumer.apply(SqsBatches.of(body(event)));

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier).containsExactly("m-0");
        assertThat(itemCount(inboxTable)).isZero();
    }

    @Test
    void gate_refusesEachCauseWithItsOwnType() {
        assertRefused(null, "admission-pass-missing");
        assertRefused(new TestPasses().issue(USER, CONCERT, "qt-1"), "admission-pass-invalid");
        assertRefused(queue.issue("someone-else", CONCERT, "qt-1"), "admission-pass-of-another-user");
        assertRefused(queue.issue(USER, "concert-2", "qt-1"), "admission-pass-for-another-concert");
        // no QUEUE_EXPIRED has arrived: the clock alone ends the admission
        assertRefused(queue.issue(USER, CONCERT, "qt-1", 2, NOW), "admission-pass-expired");
    }

    private String pass(String token, long activation) {
        return queue.issue(USER, CONCERT, token, activation, PASS_ENDS);
    }

    private void assertRefused(String pass, String slug) {
        assertThatThrownBy(() -> gate.admit(pass, USER, CONCERT, NOW)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type().slug()).isEqualTo(slug);
    }

    private String body(EventEnvelope event) {
        return json.writeValueAsString(event);
    }

    private Map<String, AttributeValue> admissionItem(String token) {
        return aws.dynamoDb().getItem(request -> request.tableName(admissionTable)
                .key(Map.of(Catalogue.ADMISSION_PARTITION_KEY, AttributeValue.fromS(token)))).item();
    }

    private int itemCount(String table) {
        return aws.dynamoDb().scan(request -> request.tableName(table)).count();
    }
}
