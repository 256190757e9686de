package io.ticketflow.local;

import io.ticketflow.catalog.StreamSubscription;
import io.ticketflow.kernel.aws.AwsSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DynamoDB stream event-source mapping: reads each shard in order, invokes the function with batches
 * of up to {@code batchSize} records and honours partial batch failures — the batch is retried from the
 * first failed record; after {@code maxRetryAttempts} retries that record is described (with its
 * content) on the subscription's failure queue and the mapping moves on to the next. Nothing is skipped
 * silently, and one poison record does not take its batch neighbours down with it.
 *
 * <p>Like Lambda's mapping it follows each shard's iterator chain: one GetRecords per poll, the next read from the
 * answer's {@code NextShardIterator}. A fresh iterator {@code AFTER_SEQUENCE_NUMBER} of the last record handled (or
 * {@code TRIM_HORIZON} before the first) is taken only to start, to retry from a failed record, and when an iterator
 * has expired (15 minutes, as on AWS). The shard list is read again every {@link #SHARD_REFRESH}, not per poll.
 * (Our moto launcher no longer swaps table copies on a cancelled transaction, which once broke chains: DESIGN §6.)
 */
final class StreamPoller implements PollingLoop.Poll {

    private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);
    static final Duration SHARD_REFRESH = Duration.ofSeconds(60);

    private final StreamSubscription subscription;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;
    private final AwsSettings settings;
    private final LocalLambdas lambdas;
    private final StreamEventJson records;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, ShardPosition> positions = new HashMap<>();
    private String streamArn;
    private List<String> shardIds = List.of();
    private Instant shardsReadAt = Instant.MIN;

    /** How far one shard has been handled, and how often its first unhandled record has failed. */
    private static final class ShardPosition {
        String lastHandledSequence;
        /** Where the chain goes on, or null when the next read needs a fresh iterator. */
        String nextIterator;
        String failingSequence;
        int failedAttempts;
    }

    StreamPoller(StreamSubscription subscription, DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, SqsClient sqs,
                 AwsSettings settings, LocalLambdas lambdas, JsonMapper json, Clock clock) {
        this.subscription = subscription;
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.sqs = sqs;
        this.settings = settings;
        this.lambdas = lambdas;
        this.records = new StreamEventJson(json);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public boolean run() throws InterruptedException {
        String arn = streamArn();
        boolean found = false;
        for (String shardId : shardIds(arn)) {
            found |= pollShard(arn, shardId);
        }
        return found;
    }

    private List<String> shardIds(String arn) {
        Instant now = clock.instant();
        if (now.isAfter(shardsReadAt.plus(SHARD_REFRESH))) {
            shardIds = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().stream()
                    .map(Shard::shardId).toList();
            shardsReadAt = now;
        }
        return shardIds;
    }

    /** One GetRecords along the chain; a fresh iterator when there is none or it expired. */
    private GetRecordsResponse read(String arn, String shardId, ShardPosition position) {
        if (position.nextIterator != null) {
            String chained = position.nextIterator;
            try {
                return streams.getRecords(r -> r.shardIterator(chained).limit(subscription.batchSize()));
            } catch (ExpiredIteratorException expired) {
                position.nextIterator = null;
            }
        }
        String iterator = streams.getShardIterator(r -> {
            r.streamArn(arn).shardId(shardId);
            if (position.lastHandledSequence == null) {
                r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(position.lastHandledSequence);
            }
        }).shardIterator();
        return iterator == null ? null
                : streams.getRecords(r -> r.shardIterator(iterator).limit(subscription.batchSize()));
    }

    private boolean pollShard(String arn, String shardId) throws InterruptedException {
        ShardPosition position = positions.computeIfAbsent(shardId, id -> new ShardPosition());
        GetRecordsResponse response = read(arn, shardId, position);
        if (response == null) {
            return false;
        }
        List<Record> batch = response.records();
        if (batch.isEmpty()) {
            position.nextIterator = response.nextShardIterator();
            return false;
        }
        int firstFailed = firstFailedIndex(batch, invoke(arn, batch));
        // a retry starts again at the failed record, a fresh iterator after the last handled one
        position.nextIterator = firstFailed < 0 ? response.nextShardIterator() : null;
        if (firstFailed < 0) {
            position.lastHandledSequence = sequence(batch.get(batch.size() - 1));
            position.failingSequence = null;
            position.failedAttempts = 0;
            return true;
        }
        if (firstFailed > 0) {
            position.lastHandledSequence = sequence(batch.get(firstFailed - 1));
        }
        String failing = sequence(batch.get(firstFailed));
        position.failedAttempts = failing.equals(position.failingSequence) ? position.failedAttempts + 1 : 1;
        position.failingSequence = failing;
        if (position.failedAttempts > subscription.maxRetryAttempts()) {
            // Only the failing record is given up, as a mapping with BisectBatchOnFunctionError isolates it;
            // the records behind it are retried in the next batch rather than discarded with it.
            List<Record> discarded = batch.subList(firstFailed, firstFailed + 1);
            sendToFailureQueue(arn, shardId, discarded, position.failedAttempts);
            position.lastHandledSequence = failing;
            position.failingSequence = null;
            position.failedAttempts = 0;
        } else {
            Thread.sleep(Math.min(1000L, 100L * position.failedAttempts));
        }
        return true;
    }

    /** The function's response, or null when it threw (the whole batch failed). */
    private JsonNode invoke(String arn, List<Record> batch) {
        try {
            return lambdas.invoke(subscription.function(), records.event(batch, arn));
        } catch (LocalLambdas.FunctionFailed e) {
            LOG.warn("{} failed on a batch of {} stream records: {}", subscription.function(), batch.size(),
                    e.getCause().toString());
            return null;
        }
    }

    /** Index of the first record to retry from, or -1 when the whole batch succeeded. */
    private static int firstFailedIndex(List<Record> batch, JsonNode response) {
        if (response == null) {
            return 0;
        }
        Set<String> failed = BatchFailures.itemIdentifiers(response);
        if (failed.isEmpty()) {
            return -1;
        }
        int first = Integer.MAX_VALUE;
        for (String identifier : failed) {
            int index = indexOf(batch, identifier);
            first = Math.min(first, index < 0 ? 0 : index);
        }
        return first;
    }

    private static int indexOf(List<Record> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (sequence(batch.get(i)).equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }

    /** What Lambda's on-failure destination receives for a stream batch, plus the records themselves. */
    private void sendToFailureQueue(String arn, String shardId, List<Record> discarded, int attempts) {
        ObjectNode message = json.createObjectNode();
        ObjectNode request = message.putObject("requestContext");
        request.put("functionArn", "arn:aws:lambda:" + settings.region() + ":000000000000:function:" + subscription.function());
        request.put("condition", "RetryAttemptsExhausted");
        request.put("approximateInvokeCount", attempts);
        message.put("version", "1.0");
        message.put("timestamp", clock.instant().toString());
        ObjectNode info = message.putObject("DDBStreamBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", sequence(discarded.get(0)));
        info.put("endSequenceNumber", sequence(discarded.get(discarded.size() - 1)));
        info.put("batchSize", discarded.size());
        info.put("streamArn", arn);
        ArrayNode described = message.putArray("records");
        discarded.forEach(r -> described.add(records.record(r, arn)));
        String queueUrl = sqs.getQueueUrl(r -> r.queueName(settings.physicalName(subscription.failureQueue()))).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(json.writeValueAsString(message)));
        LOG.warn("{}: {} stream record(s) from {} failed {} time(s); sent to {}", subscription.function(),
                discarded.size(), sequence(discarded.get(0)), attempts, subscription.failureQueue());
    }

    private String streamArn() {
        if (streamArn == null) {
            streamArn = dynamoDb.describeTable(r -> r.tableName(settings.physicalName(subscription.table())))
                    .table().latestStreamArn();
            if (streamArn == null) {
                throw new IllegalStateException("table " + subscription.table() + " has no stream");
            }
        }
        return streamArn;
    }

    private static String sequence(Record record) {
        return record.dynamodb().sequenceNumber();
    }
}
