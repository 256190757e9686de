package io.ticketflow.messaging;

import io.ticketflow.catalog.KeyAttribute;
import io.ticketflow.catalog.QueueSpec;
import io.ticketflow.catalog.TableSpec;
import io.ticketflow.kernel.aws.AwsSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.json.JsonMapper;

/** Creates catalogue tables and queues in the emulator with real SDK calls, as a deployment would. */
public final class Provisioning {

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final AwsSettings settings;

    public Provisioning(DynamoDbClient dynamoDb, SqsClient sqs, AwsSettings settings) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.settings = settings;
    }

    /** @return the physical table name */
    public String table(TableSpec spec) {
        String name = settings.physicalName(spec.name());
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        add(spec.partitionKey(), KeyType.HASH, keys, attributes);
        if (spec.sortKey() != null) {
            add(spec.sortKey(), KeyType.RANGE, keys, attributes);
        }
        dynamoDb.createTable(request -> {
            request.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).keySchema(keys).attributeDefinitions(attributes);
            if (spec.stream()) {
                request.streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
        });
        return name;
    }

    /** Creates the queue and its DLQ with the spec's redrive policy; @return the queue's URL */
    public String queue(QueueSpec spec) {
        String dlqUrl = sqs.createQueue(request -> request.queueName(settings.physicalName(spec.deadLetterQueueName()))).queueUrl();
        String dlqArn = sqs.getQueueAttributes(request -> request.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = JsonMapper.builder().build().writeValueAsString(
                Map.of("deadLetterTargetArn", dlqArn, "maxReceiveCount", Integer.toString(spec.maxReceiveCount())));
        return sqs.createQueue(request -> request.queueName(settings.physicalName(spec.name())).attributes(Map.of(
                        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(spec.visibilityTimeoutSeconds()),
                        QueueAttributeName.REDRIVE_POLICY, redrive)))
                .queueUrl();
    }

    public String queueUrl(String logicalName) {
        return sqs.getQueueUrl(request -> request.queueName(settings.physicalName(logicalName))).queueUrl();
    }

    private static void add(KeyAttribute key, KeyType type, List<KeySchemaElement> keys, List<AttributeDefinition> attributes) {
        keys.add(KeySchemaElement.builder().attributeName(key.name()).keyType(type).build());
        attributes.add(AttributeDefinition.builder().attributeName(key.name()).attributeType(key.type().name()).build());
    }
}
