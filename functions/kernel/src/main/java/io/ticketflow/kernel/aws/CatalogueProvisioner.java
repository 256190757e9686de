package io.ticketflow.kernel.aws;

import io.ticketflow.catalog.AttributeType;
import io.ticketflow.catalog.IndexSpec;
import io.ticketflow.catalog.KeyAttribute;
import io.ticketflow.catalog.QueueSpec;
import io.ticketflow.catalog.TableSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates the catalogue's tables and queues with the real SDK, as the CDK stacks declare them:
 * on-demand tables with their GSIs, NEW_AND_OLD_IMAGES streams and TTL; each queue with its DLQ
 * and a redrive policy. Existing resources are kept, so a restart against the same emulator works.
 * The local runtime and the integration tests provision through this one class; on AWS the CDK app
 * creates the same resources from the same catalogue.
 */
public final class CatalogueProvisioner {

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final AwsSettings settings;
    private final JsonMapper json;

    public CatalogueProvisioner(DynamoDbClient dynamoDb, SqsClient sqs, AwsSettings settings, JsonMapper json) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.settings = settings;
        this.json = json;
    }

    /** Creates every table and queue given; @return one line per resource, for a start-up banner. */
    public List<String> provision(Collection<TableSpec> tables, Collection<QueueSpec> queues) {
        List<String> created = new ArrayList<>();
        tables.forEach(table -> created.add(createTable(table)));
        queues.forEach(queue -> created.add(createQueue(queue)));
        return created;
    }

    /** Creates one table (kept if it exists); @return its physical name. */
    public String table(TableSpec table) {
        createTable(table);
        return settings.physicalName(table.name());
    }

    /** Creates one queue and its DLQ with the redrive policy; @return the queue's URL. */
    public String queue(QueueSpec queue) {
        createQueue(queue);
        return queueUrl(queue.name());
    }

    public String queueUrl(String logicalName) {
        return sqs.getQueueUrl(r -> r.queueName(settings.physicalName(logicalName))).queueUrl();
    }

    private String createTable(TableSpec table) {
        String name = settings.physicalName(table.name());
        Map<String, KeyAttribute> attributes = new LinkedHashMap<>();
        addAttribute(attributes, table.partitionKey());
        addAttribute(attributes, table.sortKey());
        table.indexes().forEach(index -> {
            addAttribute(attributes, index.partitionKey());
            addAttribute(attributes, index.sortKey());
        });
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keySchema(table.partitionKey(), table.sortKey()))
                .attributeDefinitions(attributes.values().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.name())
                                .attributeType(a.type() == AttributeType.S ? ScalarAttributeType.S : ScalarAttributeType.N)
                                .build())
                        .toList());
        if (!table.indexes().isEmpty()) {
            request.globalSecondaryIndexes(table.indexes().stream().map(CatalogueProvisioner::index).toList());
        }
        if (table.stream()) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build());
        }
        boolean exists = false;
        try {
            dynamoDb.createTable(request.build());
        } catch (ResourceInUseException alreadyThere) {
            exists = true;
        }
        if (table.ttlAttribute() != null && !exists) {
            dynamoDb.updateTimeToLive(r -> r.tableName(name)
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName(table.ttlAttribute())));
        }
        return "table  " + name + describe(table) + (exists ? " (existing)" : "");
    }

    private String createQueue(QueueSpec queue) {
        String deadLetterUrl = sqs.createQueue(r -> r.queueName(settings.physicalName(queue.deadLetterQueueName()))
                .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"))).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(r -> r.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrivePolicy = redrivePolicy(deadLetterArn, queue.maxReceiveCount());
        String name = settings.physicalName(queue.name());
        sqs.createQueue(r -> r.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(queue.visibilityTimeoutSeconds()),
                QueueAttributeName.REDRIVE_POLICY, redrivePolicy)));
        return "queue  " + name + " (visibility " + queue.visibilityTimeoutSeconds() + " s, after "
                + queue.maxReceiveCount() + " receives → " + settings.physicalName(queue.deadLetterQueueName()) + ")";
    }

    private String redrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {
        ObjectNode policy = json.createObjectNode();
        policy.put("deadLetterTargetArn", deadLetterTargetArn);
        policy.put("maxReceiveCount", String.valueOf(maxReceiveCount));
        return json.writeValueAsString(policy);
    }

    private static String describe(TableSpec table) {
        StringBuilder text = new StringBuilder(" (").append(table.partitionKey().name());
        if (table.sortKey() != null) {
            text.append(", ").append(table.sortKey().name());
        }
        text.append(')');
        table.indexes().forEach(i -> text.append(" gsi ").append(i.name()));
        if (table.stream()) {
            text.append(" stream");
        }
        if (table.ttlAttribute() != null) {
            text.append(" ttl ").append(table.ttlAttribute());
        }
        return text.toString();
    }

    private static GlobalSecondaryIndex index(IndexSpec index) {
        return GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(keySchema(index.partitionKey(), index.sortKey()))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute partitionKey, KeyAttribute sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partitionKey.name()).keyType(KeyType.HASH).build());
        if (sortKey != null) {
            keys.add(KeySchemaElement.builder().attributeName(sortKey.name()).keyType(KeyType.RANGE).build());
        }
        return keys;
    }

    private static void addAttribute(Map<String, KeyAttribute> attributes, KeyAttribute attribute) {
        if (attribute != null) {
            attributes.putIfAbsent(attribute.name(), attribute);
        }
    }
}
