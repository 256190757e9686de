package io.ticketflow.bench;

import io.ticketflow.catalog.Catalogue;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Counts the DynamoDB item writes each partition key receives in this JVM, so a figure can show the hottest
 * key: on DynamoDB one partition takes about 1,000 writes a second, whatever the table's total. Every item a
 * PutItem, UpdateItem, DeleteItem, TransactWriteItems or BatchWriteItem writes counts once (condition checks
 * write nothing); only requests that succeeded are seen. A global SDK interceptor, like {@link AwsRequestMeter}.
 */
public final class PartitionWriteMeter implements ExecutionInterceptor {

    /** Static because the SDK creates one instance per client by reflection; they all count here. */
    static final Writes WRITES = new Writes();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!WRITES.recording) {
            return;
        }
        Object request = context.request();
        if (request instanceof PutItemRequest put) {
            WRITES.record(put.tableName(), put.item());
        } else if (request instanceof UpdateItemRequest update) {
            WRITES.record(update.tableName(), update.key());
        } else if (request instanceof DeleteItemRequest delete) {
            WRITES.record(delete.tableName(), delete.key());
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    WRITES.record(item.put().tableName(), item.put().item());
                } else if (item.update() != null) {
                    WRITES.record(item.update().tableName(), item.update().key());
                } else if (item.delete() != null) {
                    WRITES.record(item.delete().tableName(), item.delete().key());
                }
            }
        } else if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().forEach((table, writes) -> writes.forEach(write ->
                    WRITES.record(table, write.putRequest() != null ? write.putRequest().item() : write.deleteRequest().key())));
        }
    }

    /** The key that received the most writes while recording. */
    record BusiestKey(String key, long writes) {
    }

    static final class Writes {

        private final Map<String, LongAdder> byKey = new ConcurrentHashMap<>();
        private volatile boolean recording;

        void start() {
            byKey.clear();
            recording = true;
        }

        Optional<BusiestKey> stop() {
            recording = false;
            return byKey.entrySet().stream()
                    .map(entry -> new BusiestKey(entry.getKey(), entry.getValue().sum()))
                    .max(Comparator.comparingLong(BusiestKey::writes));
        }

        /** Physical names are a deployment prefix + the catalogue's name: the longest name it ends with is its table. */
        private void record(String physicalTable, Map<String, AttributeValue> keyOrItem) {
            Catalogue.tables().stream()
                    .filter(table -> physicalTable.endsWith(table.name()))
                    .max(Comparator.comparingInt(table -> table.name().length()))
                    .ifPresent(table -> {
                        AttributeValue partitionKey = keyOrItem.get(table.partitionKey().name());
                        if (partitionKey != null) {
                            byKey.computeIfAbsent(table.name() + " " + text(partitionKey), key -> new LongAdder()).increment();
                        }
                    });
        }

        private static String text(AttributeValue value) {
            return value.s() != null ? value.s() : String.valueOf(value.n());
        }
    }
}
