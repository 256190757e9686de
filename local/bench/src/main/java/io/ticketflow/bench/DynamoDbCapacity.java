package io.ticketflow.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The on-demand request units a DynamoDB request is billed, derived from the sizes of the items it reads and
 * writes, because moto's {@code ReturnConsumedCapacity} answer is a fixed placeholder, not a measurement. Rules
 * from the DynamoDB pricing page: a read is 1 unit per 4 KB (strongly consistent), ½ (eventually consistent), 2
 * (transactional); a write 1 unit per 1 KB, 2 in a transaction. What the request alone cannot tell is assumed
 * and said in the figure's notes: an UpdateItem, DeleteItem or a transaction's Update/Delete/ConditionCheck item
 * is 1 KB or less, and global secondary index writes (billed extra on AWS) are not counted.
 */
final class DynamoDbCapacity {

    private static final int READ_UNIT_BYTES = 4096;
    private static final int WRITE_UNIT_BYTES = 1024;

    private DynamoDbCapacity() {
    }

    record Units(double read, double write) {
        static final Units NONE = new Units(0, 0);
    }

    static Units of(SdkRequest request, SdkResponse response) {
        if (request instanceof GetItemRequest get && response instanceof GetItemResponse got) {
            return reads(readUnits(got.hasItem() ? size(got.item()) : 0), get.consistentRead());
        }
        if (request instanceof QueryRequest query && response instanceof QueryResponse result) {
            return reads(readUnits(result.items().stream().mapToLong(DynamoDbCapacity::size).sum()), query.consistentRead());
        }
        if (request instanceof ScanRequest scan && response instanceof ScanResponse result) {
            return reads(readUnits(result.items().stream().mapToLong(DynamoDbCapacity::size).sum()), scan.consistentRead());
        }
        if (request instanceof BatchGetItemRequest batch && response instanceof BatchGetItemResponse result) {
            double units = 0;
            for (Map.Entry<String, List<Map<String, AttributeValue>>> table : result.responses().entrySet()) {
                KeysAndAttributes asked = batch.requestItems().get(table.getKey());
                double factor = asked != null && Boolean.TRUE.equals(asked.consistentRead()) ? 1 : 0.5;
                units += table.getValue().stream().mapToDouble(item -> factor * readUnits(size(item))).sum();
            }
            return new Units(units, 0);
        }
        if (response instanceof TransactGetItemsResponse result) {
            return new Units(result.responses().stream()
                    .mapToDouble(item -> 2.0 * readUnits(item.hasItem() ? size(item.item()) : 0)).sum(), 0);
        }
        if (request instanceof PutItemRequest put) {
            return new Units(0, writeUnits(size(put.item())));
        }
        if (request instanceof UpdateItemRequest || request instanceof DeleteItemRequest) {
            return new Units(0, 1);
        }
        if (request instanceof BatchWriteItemRequest batch) {
            return new Units(0, batch.requestItems().values().stream().flatMap(List::stream)
                    .mapToDouble(DynamoDbCapacity::writeUnits).sum());
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return new Units(0, transaction.transactItems().stream()
                    .mapToDouble(item -> 2.0 * writeUnits(item)).sum());
        }
        return Units.NONE;
    }

    /** The items a request puts whole, by table, with their sizes: what the 400 KB item limit applies to. */
    static List<Map.Entry<String, Long>> itemsPut(SdkRequest request) {
        if (request instanceof PutItemRequest put) {
            return List.of(Map.entry(put.tableName(), size(put.item())));
        }
        if (request instanceof BatchWriteItemRequest batch) {
            return batch.requestItems().entrySet().stream()
                    .flatMap(table -> table.getValue().stream().filter(write -> write.putRequest() != null)
                            .map(write -> Map.entry(table.getKey(), size(write.putRequest().item()))))
                    .toList();
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction.transactItems().stream().filter(item -> item.put() != null)
                    .map(item -> Map.entry(item.put().tableName(), size(item.put().item())))
                    .toList();
        }
        return List.of();
    }

    private static Units reads(long unitsIfConsistent, Boolean consistentRead) {
        return new Units(Boolean.TRUE.equals(consistentRead) ? unitsIfConsistent : unitsIfConsistent / 2.0, 0);
    }

    /** A read is billed at least one unit, even when it finds nothing. */
    private static long readUnits(long bytes) {
        return Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
    }

    private static long writeUnits(long bytes) {
        return Math.max(1, (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
    }

    private static double writeUnits(WriteRequest write) {
        return write.putRequest() != null ? writeUnits(size(write.putRequest().item())) : 1;
    }

    private static double writeUnits(TransactWriteItem item) {
        return item.put() != null ? writeUnits(size(item.put().item())) : 1;
    }

    /** An item's size as DynamoDB counts it: attribute names plus values. */
    static long size(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += utf8(attribute.getKey()) + size(attribute.getValue());
        }
        return bytes;
    }

    private static long size(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return numberSize(value.n());
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        }
        if (value.hasM()) {
            return 3 + value.m().size() + size(value.m());
        }
        if (value.hasL()) {
            return 3 + value.l().size() + value.l().stream().mapToLong(DynamoDbCapacity::size).sum();
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(DynamoDbCapacity::utf8).sum();
        }
        if (value.hasNs()) {
            return value.ns().stream().mapToLong(DynamoDbCapacity::numberSize).sum();
        }
        if (value.hasBs()) {
            return value.bs().stream().map(SdkBytes::asByteArray).mapToLong(bytes -> bytes.length).sum();
        }
        return 1;
    }

    /** About one byte per two significant digits, plus one. */
    private static long numberSize(String number) {
        long digits = number.chars().filter(Character::isDigit).count();
        return (digits + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
