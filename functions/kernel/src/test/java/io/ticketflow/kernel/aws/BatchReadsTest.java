package io.ticketflow.kernel.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.problem.ProblemTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

class BatchReadsTest {

    private static final String TABLE = "t-items";

    /** BatchGetItem over a table where every key exists, short of capacity for its first {@code throttledCalls} calls. */
    private static final class FakeTable implements Function<BatchGetItemRequest, BatchGetItemResponse> {

        final List<List<String>> askedKeys = new ArrayList<>();
        private int throttledCalls;

        FakeTable(int throttledCalls) {
            this.throttledCalls = throttledCalls;
        }

        @Override
        public BatchGetItemResponse apply(BatchGetItemRequest request) {
            KeysAndAttributes asked = request.requestItems().get(TABLE);
            assertThat(asked.consistentRead()).isTrue();
            List<Map<String, AttributeValue>> keys = asked.keys();
            askedKeys.add(keys.stream().map(key -> key.get("pk").s()).toList());
            // a throttled call reads only the first key and hands the rest back
            int served = throttledCalls-- > 0 ? 1 : keys.size();
            List<Map<String, AttributeValue>> items = keys.subList(0, served).stream()
                    .map(key -> Map.of("pk", key.get("pk"), "value", AttributeValue.fromS("v-" + key.get("pk").s())))
                    .toList();
            BatchGetItemResponse.Builder response = BatchGetItemResponse.builder().responses(Map.of(TABLE, items));
            if (served < keys.size()) {
                response.unprocessedKeys(Map.of(TABLE, asked.toBuilder().keys(keys.subList(served, keys.size())).build()));
            }
            return response.build();
        }
    }

    private final List<Duration> slept = new ArrayList<>();

    /** Five attempts, waits below 100, 200, 400, 800 ms; the jitter always draws 0.5. */
    private Backoff backoff() {
        return new Backoff(5, Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5, slept::add);
    }

    private static List<Map<String, AttributeValue>> keys(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> Map.of("pk", AttributeValue.fromS("k" + i))).toList();
    }

    private static List<String> pks(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> item.get("pk").s()).sorted().toList();
    }

    @Test
    void everyKeyProcessed_readsOnce_withoutWaiting() {
        FakeTable table = new FakeTable(0);

        List<Map<String, AttributeValue>> items = new BatchReads(table, backoff()).consistent(TABLE, keys(3));

        assertThat(pks(items)).containsExactly("k1", "k2", "k3");
        assertThat(table.askedKeys).hasSize(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void unprocessedKeys_areAskedAgain_alone_afterGrowingJitteredWaits() {
        FakeTable table = new FakeTable(2);

        List<Map<String, AttributeValue>> items = new BatchReads(table, backoff()).consistent(TABLE, keys(4));

        assertThat(pks(items)).containsExactly("k1", "k2", "k3", "k4");
        assertThat(table.askedKeys).containsExactly(List.of("k1", "k2", "k3", "k4"), List.of("k2", "k3", "k4"), List.of("k3", "k4"));
        assertThat(slept).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void keysStillUnprocessedAfterTheLastAttempt_failAsServiceBusy_insteadOfAnsweringWithItemsMissing() {
        FakeTable table = new FakeTable(Integer.MAX_VALUE);

        assertThatThrownBy(() -> new BatchReads(table, backoff()).consistent(TABLE, keys(10)))
                .isInstanceOfSatisfying(Throttled.class, throttled -> {
                    assertThat(throttled.type()).isEqualTo(ProblemTypes.SERVICE_BUSY);
                    assertThat(throttled.retryAfter()).contains(java.time.Duration.ofSeconds(1));
                    assertThat(throttled.refused()).contains(TABLE).contains("5 key(s) unprocessed after 5 attempts");
                });
        assertThat(table.askedKeys).hasSize(5);
        assertThat(slept).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400));
    }

    @Test
    void waits_neverExceedTheCap() {
        List<Duration> waits = new ArrayList<>();
        Backoff capped = new Backoff(8, Duration.ofMillis(100), Duration.ofMillis(300), () -> 0.99, waits::add);

        for (int attempt = 1; capped.allowsAfter(attempt); attempt++) {
            capped.pauseAfter(attempt);
        }

        assertThat(waits).extracting(Duration::toMillis).containsExactly(99L, 198L, 297L, 297L, 297L, 297L, 297L);
    }

    @Test
    void moreKeysThanOneBatchTakes_areReadInBatchesOfAHundred() {
        FakeTable table = new FakeTable(0);

        List<Map<String, AttributeValue>> items = new BatchReads(table, backoff()).consistent(TABLE, keys(250));

        assertThat(items).hasSize(250);
        assertThat(table.askedKeys).extracting(List::size).containsExactly(100, 100, 50);
    }
}
