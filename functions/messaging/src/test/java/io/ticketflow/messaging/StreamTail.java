package io.ticketflow.messaging;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a table's stream the way the local runtime's poller does: a fresh iterator on every read, after the
 * last record seen (moto may drop records from a long-lived iterator chain after a cancelled transaction).
 */
final class StreamTail {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private String lastSequenceNumber;

    StreamTail(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table) {
        this.streams = streams;
        this.streamArn = dynamoDb.describeTable(request -> request.tableName(table)).table().latestStreamArn();
    }

    String streamArn() {
        return streamArn;
    }

    /** Records written since the previous call (all of them on the first call). */
    List<Record> next() {
        List<Record> records = new ArrayList<>();
        streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards().forEach(shard -> {
            String iterator = streams.getShardIterator(request -> {
                request.streamArn(streamArn).shardId(shard.shardId());
                if (lastSequenceNumber == null) {
                    request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                } else {
                    request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(lastSequenceNumber);
                }
            }).shardIterator();
            records.addAll(streams.getRecords(request -> request.shardIterator(iterator)).records());
        });
        if (!records.isEmpty()) {
            lastSequenceNumber = records.get(records.size() - 1).dynamodb().sequenceNumber();
        }
        return records;
    }
}
