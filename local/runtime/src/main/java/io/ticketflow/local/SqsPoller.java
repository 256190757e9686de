package io.ticketflow.local;

import io.ticketflow.catalog.QueueSubscription;
import io.ticketflow.kernel.aws.AwsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An SQS event-source mapping with {@code ReportBatchItemFailures}: receives up to {@code batchSize}
 * messages, invokes the function with the {@code SQSEvent} JSON, deletes what succeeded and leaves the
 * failures to reappear after the visibility timeout, so the queue's redrive policy moves a poison
 * message to the DLQ after {@code maxReceiveCount} receives — as on AWS, the DLQ is SQS's job.
 */
final class SqsPoller implements PollingLoop.Poll {

    /**
     * Each receive waits up to this long for a message, as Lambda's pollers long-poll: a message is handed over
     * the moment it is sent instead of after the loop's idle back-off, and an idle queue costs one request a second.
     */
    static final int LONG_POLL_SECONDS = 1;
    /** The pause between receives: the long poll already waited. */
    static final Duration IDLE_PAUSE = Duration.ofMillis(25);

    private static final Logger LOG = LoggerFactory.getLogger(SqsPoller.class);
    private static final int SQS_MAX_BATCH = 10;

    private final QueueSubscription subscription;
    private final SqsClient sqs;
    private final AwsSettings settings;
    private final LocalLambdas lambdas;
    private final JsonMapper json;
    private final Faults faults;
    private String queueUrl;
    private String queueArn;

    SqsPoller(QueueSubscription subscription, SqsClient sqs, AwsSettings settings, LocalLambdas lambdas, JsonMapper json,
              Faults faults) {
        this.subscription = subscription;
        this.faults = faults;
        this.sqs = sqs;
        this.settings = settings;
        this.lambdas = lambdas;
        this.json = json;
    }

    @Override
    public boolean run() {
        resolveQueue();
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                .waitTimeSeconds(LONG_POLL_SECONDS)
                .maxNumberOfMessages(Math.min(SQS_MAX_BATCH, Math.max(1, subscription.batchSize())))
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
        if (messages.isEmpty()) {
            return false;
        }
        // a dropped delivery stays invisible and comes back after the visibility timeout, as a lost one does
        List<Message> delivered = messages.stream().filter(m -> !faults.dropsNow()).toList();
        Set<String> failed = delivered.isEmpty() ? Set.of() : invoke(delivered);
        List<Message> done = delivered.stream().filter(m -> !failed.contains(m.messageId())).toList();
        List<Message> again = done.stream().filter(m -> faults.duplicatesNow()).toList();
        List<DeleteMessageBatchRequestEntry> deletions = done.stream()
                .filter(m -> !again.contains(m))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                .toList();
        if (!deletions.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(deletions));
        }
        for (Message duplicate : again) {
            sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(duplicate.receiptHandle()).visibilityTimeout(0));
        }
        return true;
    }

    /** The ids of the messages that failed; all of them when the function threw. */
    private Set<String> invoke(List<Message> messages) {
        try {
            JsonNode response = lambdas.invoke(subscription.function(), event(messages));
            Set<String> failed = BatchFailures.itemIdentifiers(response);
            if (failed.contains("")) {
                return allIds(messages);
            }
            if (!failed.isEmpty()) {
                LOG.info("{}: {} of {} message(s) failed; they return after the visibility timeout",
                        subscription.function(), failed.size(), messages.size());
            }
            return failed;
        } catch (LocalLambdas.FunctionFailed e) {
            LOG.warn("{} failed on a batch of {} message(s): {}", subscription.function(), messages.size(),
                    e.getCause().toString());
            return allIds(messages);
        }
    }

    private ObjectNode event(List<Message> messages) {
        ObjectNode event = json.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, messageAttribute(value)));
            record.put("md5OfBody", message.md5OfBody());
            if (message.md5OfMessageAttributes() != null) {
                record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", settings.region());
        }
        return event;
    }

    private ObjectNode messageAttribute(MessageAttributeValue value) {
        ObjectNode node = json.createObjectNode();
        if (value.stringValue() != null) {
            node.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            node.put("binaryValue", java.util.Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
        }
        node.putArray("stringListValues");
        node.putArray("binaryListValues");
        node.put("dataType", value.dataType());
        return node;
    }

    private void resolveQueue() {
        if (queueUrl == null) {
            String url = sqs.getQueueUrl(r -> r.queueName(settings.physicalName(subscription.queue()))).queueUrl();
            queueArn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            queueUrl = url;
        }
    }

    private static Set<String> allIds(List<Message> messages) {
        return Set.copyOf(messages.stream().map(Message::messageId).toList());
    }
}
