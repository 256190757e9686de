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

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.messaging.Admission.Status;
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

/** Reservation's admission consumer: the EventConsumer over the AdmissionEventHandler, on its real tables. */
@ExtendWith(MotoExtension.class)
class EventConsumerIT {

    private static final Instant ACTIVE_UNTIL = NOW.plusSeconds(300);

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private AwsClients aws;
    private String admissionTable;
    private String inboxTable;
    private EventConsumer consumer;
    private AdmissionView view;

    @BeforeEach
    void createTables(EmulatorEndpoint endpoint) {
        aws = FreshAccount.clients(endpoint);
        CatalogueProvisioner provisioning = new CatalogueProvisioner(aws.dynamoDb(), aws.sqs(), aws.settings(), KernelBeans.newJsonMapper());
        admissionTable = provisioning.table(Catalogue.table("reservation-admissions"));
        inboxTable = provisioning.table(Catalogue.table("reservation-inbox"));
        consumer = new EventConsumer(aws.dynamoDb(), inboxTable, new AdmissionEventHandler(admissionTable), json, clock);
        view = new AdmissionView(aws.dynamoDb(), admissionTable);
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void everyActivatedDeliveredTwice_isAppliedOnce_andTheCopyLeavesTheViewUnchanged() {
        String event = body(activated("qt-1", 2, ACTIVE_UNTIL));

        SQSBatchResponse first = consumer.apply(SqsBatches.of(event, event));
        Map<String, AttributeValue> afterFirst = admissionItem("qt-1");
        SQSBatchResponse redelivery = consumer.apply(SqsBatches.of(event));

        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(redelivery.getBatchItemFailures()).isEmpty();
        assertThat(admissionItem("qt-1")).isEqualTo(afterFirst);
        assertThat(itemCount(inboxTable)).isEqualTo(1);
        assertThat(view.check("qt-1", USER, CONCERT, NOW)).isEqualTo(new Admission(Status.ACTIVE, ACTIVE_UNTIL));
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
    void activatedArrivingAfterTheLaterExpired_isANoOp_andTheTokenStaysExpired() {
        SQSBatchResponse reordered = consumer.apply(SqsBatches.of(body(expired("qt-1", 3)), body(activated("qt-1", 2, ACTIVE_UNTIL))));

        assertThat(reordered.getBatchItemFailures()).isEmpty();
        assertThat(view.check("qt-1", USER, CONCERT, NOW).status()).isEqualTo(Status.EXPIRED);
        assertThat(admissionItem("qt-1").get("lastSequence").n()).isEqualTo("3");
    }

    @Test
    void expiredAfterActivated_inOrder_endsTheAdmission() {
        consumer.apply(SqsBatches.of(body(activated("qt-1", 2, ACTIVE_UNTIL)), body(expired("qt-1", 3))));

        assertThat(view.check("qt-1", USER, CONCERT, NOW).status()).isEqualTo(Status.EXPIRED);
    }

    @Test
    void restoredAfterActivated_stopsTheAdmission_untilTheNextActivatedAdmitsAgain() {
        Instant laterUntil = ACTIVE_UNTIL.plusSeconds(60);
        consumer.apply(SqsBatches.of(body(activated("qt-1", 2, ACTIVE_UNTIL))));

        SQSBatchResponse restore = consumer.apply(SqsBatches.of(body(restored("qt-1", 3))));

        assertThat(restore.getBatchItemFailures()).isEmpty();
        assertThat(view.check("qt-1", USER, CONCERT, NOW)).isEqualTo(new Admission(Status.NOT_ACTIVE, null));
        consumer.apply(SqsBatches.of(body(activated("qt-1", 4, laterUntil))));
        assertThat(view.check("qt-1", USER, CONCERT, NOW)).isEqualTo(new Admission(Status.ACTIVE, laterUntil));
    }

    @Test
    void restoredAndActivated_reordered_endAtTheNewestSequence() {
        Instant laterUntil = ACTIVE_UNTIL.plusSeconds(60);

        // the re-admission overtakes the restore: the older restore is a no-op
        consumer.apply(SqsBatches.of(body(activated("qt-1", 4, laterUntil)), body(restored("qt-1", 3)),
                body(activated("qt-1", 2, ACTIVE_UNTIL))));
        // the first admission arrives after the restore: the token stays not admitted
        consumer.apply(SqsBatches.of(body(restored("qt-2", 3)), body(activated("qt-2", 2, ACTIVE_UNTIL))));

        assertThat(view.check("qt-1", USER, CONCERT, NOW)).isEqualTo(new Admission(Status.ACTIVE, laterUntil));
        assertThat(admissionItem("qt-1").get("lastSequence").n()).isEqualTo("4");
        assertThat(view.check("qt-2", USER, CONCERT, NOW).status()).isEqualTo(Status.NOT_ACTIVE);
        assertThat(admissionItem("qt-2").get("lastSequence").n()).isEqualTo("3");
    }

    @Test
    void poisonBody_isReportedAsABatchItemFailure_whileTheRestOfTheBatchIsApplied() {
        SQSBatchResponse response = consumer.apply(SqsBatches.of("{not an event", body(activated("qt-1", 2, ACTIVE_UNTIL))));

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier).containsExactly("m-0");
        assertThat(view.check("qt-1", USER, CONCERT, NOW).status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void activatedWithoutActiveUntil_failsInTheHandler_andIsReportedNotRecorded() {
        EventEnvelope event = activated("qt-1", 2, ACTIVE_UNTIL);
        ((ObjectNode) event.payload()).remove("activeUntil");

        SQSBatchResponse response = consumer.apply(SqsBatches.of(body(event)));

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier).containsExactly("m-0");
        assertThat(itemCount(inboxTable)).isZero();
    }

    @Test
    void admissionView_judgesTheTokenAgainstCallerConcertAndClock() {
        consumer.apply(SqsBatches.of(body(waiting("qt-waiting")), body(activated("qt-1", 2, ACTIVE_UNTIL))));

        assertThat(view.check("qt-1", USER, CONCERT, ACTIVE_UNTIL.minusMillis(1)).status()).isEqualTo(Status.ACTIVE);
        // no QUEUE_EXPIRED has arrived yet: the clock alone ends the admission
        assertThat(view.check("qt-1", USER, CONCERT, ACTIVE_UNTIL)).isEqualTo(new Admission(Status.EXPIRED, ACTIVE_UNTIL));
        assertThat(view.check("qt-1", "someone-else", CONCERT, NOW).status()).isEqualTo(Status.OTHER_USER);
        assertThat(view.check("qt-1", USER, "concert-2", NOW).status()).isEqualTo(Status.OTHER_CONCERT);
        assertThat(view.check("qt-waiting", USER, CONCERT, NOW).status()).isEqualTo(Status.UNKNOWN_TOKEN);
        assertThat(view.check("qt-nobody", USER, CONCERT, NOW).status()).isEqualTo(Status.UNKNOWN_TOKEN);
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
