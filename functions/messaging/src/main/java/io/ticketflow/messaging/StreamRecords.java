package io.ticketflow.messaging;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Turns records read with {@code DynamoDbStreamsClient.getRecords} into the {@link DynamodbEvent} Lambda's
 * event-source mapping would deliver, for pollers that stand in for it (the local runtime, tests).
 */
public final class StreamRecords {

    private StreamRecords() {
    }

    public static DynamodbEvent toEvent(List<Record> records, String streamArn) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records.stream().map(record -> toLambda(record, streamArn)).toList());
        return event;
    }

    private static DynamodbStreamRecord toLambda(Record record, String streamArn) {
        software.amazon.awssdk.services.dynamodb.model.StreamRecord source = record.dynamodb();
        StreamRecord target = new StreamRecord()
                .withSequenceNumber(source.sequenceNumber())
                .withSizeBytes(source.sizeBytes())
                .withKeys(image(source.keys()));
        if (source.hasNewImage()) {
            target.setNewImage(image(source.newImage()));
        }
        if (source.hasOldImage()) {
            target.setOldImage(image(source.oldImage()));
        }
        if (source.streamViewTypeAsString() != null) {
            target.setStreamViewType(StreamViewType.fromValue(source.streamViewTypeAsString()));
        }
        if (source.approximateCreationDateTime() != null) {
            target.setApproximateCreationDateTime(Date.from(source.approximateCreationDateTime()));
        }
        DynamodbStreamRecord lambdaRecord = new DynamodbStreamRecord();
        lambdaRecord.setEventID(record.eventID());
        lambdaRecord.setEventName(record.eventNameAsString());
        lambdaRecord.setEventSource(record.eventSource());
        lambdaRecord.setEventVersion(record.eventVersion());
        lambdaRecord.setAwsRegion(record.awsRegion());
        lambdaRecord.setEventSourceARN(streamArn);
        lambdaRecord.setDynamodb(target);
        return lambdaRecord;
    }

    private static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        item.forEach((name, value) -> image.put(name, attribute(name, value)));
        return image;
    }

    private static AttributeValue attribute(String name, software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        return switch (value.type()) {
            case S -> new AttributeValue().withS(value.s());
            case N -> new AttributeValue().withN(value.n());
            case BOOL -> new AttributeValue().withBOOL(value.bool());
            case NUL -> new AttributeValue().withNULL(true);
            case SS -> new AttributeValue().withSS(value.ss());
            case NS -> new AttributeValue().withNS(value.ns());
            case L -> new AttributeValue().withL(value.l().stream().map(v -> attribute(name, v)).toList());
            case M -> new AttributeValue().withM(image(value.m()));
            default -> throw new IllegalArgumentException("attribute " + name + " has unsupported type " + value.type());
        };
    }
}
