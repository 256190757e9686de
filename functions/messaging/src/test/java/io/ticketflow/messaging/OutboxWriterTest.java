package io.ticketflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.aws.Backoff;
import io.ticketflow.kernel.aws.Throttled;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** How the writer reads each kind of cancellation: only throttling is waited out, and only a few times. */
class OutboxWriterTest {

    /** TransactWriteItems that cancels with the queued reason codes (one code per item), then succeeds. */
    private static final class FakeDynamoDb implements DynamoDbClient {

        final Deque<List<String>> cancellations = new ArrayDeque<>();
        int calls;

        FakeDynamoDb cancelling(int times, String... codes) {
            for (int i = 0; i < times; i++) {
                cancellations.add(Arrays.asList(codes));
            }
            return this;
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            calls++;
            List<String> codes = cancellations.poll();
            if (codes != null) {
                throw TransactionCanceledException.builder().message("cancelled: " + codes)
                        .cancellationReasons(codes.stream().map(code -> CancellationReason.builder().code(code).build()).toList())
                        .build();
            }
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private final List<Duration> slept = new ArrayList<>();
    private final Backoff threeAttempts = new Backoff(3, Duration.ofMillis(40), Duration.ofSeconds(1), () -> 0.5, slept::add);

    private static final List<TransactWriteItem> TWO_CHANGES = List.of(change("a"), change("b"));

    private static TransactWriteItem change(String pk) {
        return TransactWriteItem.builder().put(Put.builder().tableName("t").item(Map.of("pk", AttributeValue.fromS(pk))).build()).build();
    }

    private OutboxWriter writer(FakeDynamoDb dynamoDb) {
        return new OutboxWriter(dynamoDb, "t-events", KernelBeans.newJsonMapper(), threeAttempts);
    }

    @Test
    void throttledTransaction_isWrittenOnALaterAttempt_afterGrowingWaits() {
        FakeDynamoDb dynamoDb = new FakeDynamoDb().cancelling(2, "None", "ThrottlingError");

        writer(dynamoDb).write(TWO_CHANGES, List.of());

        assertThat(dynamoDb.calls).isEqualTo(3);
        assertThat(slept).containsExactly(Duration.ofMillis(20), Duration.ofMillis(40));
    }

    @Test
    void transactionThrottledOnEveryAttempt_failsAsServiceBusy_notAsAConflict() {
        FakeDynamoDb dynamoDb = new FakeDynamoDb().cancelling(5, "ProvisionedThroughputExceeded", "None");

        assertThatThrownBy(() -> writer(dynamoDb).write(TWO_CHANGES, List.of()))
                .isInstanceOfSatisfying(Throttled.class, throttled -> {
                    assertThat(throttled.type()).isEqualTo(ProblemTypes.SERVICE_BUSY);
                    assertThat(throttled.getCause()).isInstanceOf(TransactionCanceledException.class);
                });
        assertThat(dynamoDb.calls).isEqualTo(3);
        assertThat(slept).hasSize(2);
    }

    @Test
    void failedCondition_isAConflictNamingTheItem_triedOnce() {
        FakeDynamoDb dynamoDb = new FakeDynamoDb().cancelling(1, "None", "ConditionalCheckFailed");

        assertThatThrownBy(() -> writer(dynamoDb).write(TWO_CHANGES, List.of()))
                .isInstanceOfSatisfying(TransactionConflict.class,
                        conflict -> assertThat(conflict.failedItemIndexes()).containsExactly(1));
        assertThat(dynamoDb.calls).isEqualTo(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void contendedOrInvalidTransaction_isRethrownAsIs_withoutWaiting() {
        for (String code : List.of("TransactionConflict", "ValidationError")) {
            FakeDynamoDb dynamoDb = new FakeDynamoDb().cancelling(1, code, "None");

            assertThatThrownBy(() -> writer(dynamoDb).write(TWO_CHANGES, List.of()))
                    .as(code).isExactlyInstanceOf(TransactionCanceledException.class);
            assertThat(dynamoDb.calls).as(code).isEqualTo(1);
        }
        assertThat(slept).isEmpty();
    }

    @Test
    void causes_areReadMostTellingFirst() {
        assertThat(Cancellations.causeOf(cancelled("ThrottlingError", "ConditionalCheckFailed")))
                .isEqualTo(Cancellations.Cause.CONDITION_FAILED);
        assertThat(Cancellations.causeOf(cancelled("ThrottlingError", "TransactionConflict")))
                .isEqualTo(Cancellations.Cause.CONTENDED);
        assertThat(Cancellations.causeOf(cancelled("None", "ThrottlingError"))).isEqualTo(Cancellations.Cause.THROTTLED);
        assertThat(Cancellations.causeOf(cancelled("ValidationError"))).isEqualTo(Cancellations.Cause.OTHER);
        assertThat(Cancellations.causeOf(TransactionCanceledException.builder().message("no reasons").build()))
                .isEqualTo(Cancellations.Cause.OTHER);
    }

    @Test
    void onlyAContendedCancellation_isLeftToTheWritersRetry_anyOtherIsRethrownItself() {
        Cancellations.rethrowUnlessContended(cancelled("None", "TransactionConflict"));

        for (TransactionCanceledException other : List.of(cancelled("ValidationError"), cancelled("ThrottlingError"),
                cancelled("ConditionalCheckFailed"))) {
            assertThatThrownBy(() -> Cancellations.rethrowUnlessContended(other)).isSameAs(other);
        }
    }

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder()
                .cancellationReasons(Arrays.stream(codes).map(code -> CancellationReason.builder().code(code).build()).toList())
                .build();
    }
}
