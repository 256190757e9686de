package io.ticketflow.local;

import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns stream records read with the SDK into the {@code DynamodbEvent} JSON Lambda delivers. */
final class StreamRecords {

    private final JsonMapper json;

    StreamRecords(JsonMapper json) {
        this.json = json;
    }

    ObjectNode event(Iterable<Record> records, String streamArn, String region) {
        ObjectNode event = json.createObjectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(r -> array.add(record(r, streamArn, region)));
        return event;
    }

    ObjectNode record(Record record, String streamArn, String region) {
        ObjectNode node = json.createObjectNode();
        node.put("eventID", record.eventID());
        node.put("eventName", record.eventNameAsString());
        node.put("eventVersion", record.eventVersion() == null ? "1.1" : record.eventVersion());
        node.put("eventSource", "aws:dynamodb");
        node.put("awsRegion", record.awsRegion() == null ? region : record.awsRegion());
        StreamRecord data = record.dynamodb();
        ObjectNode dynamodb = node.putObject("dynamodb");
        if (data.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", data.approximateCreationDateTime().getEpochSecond());
        }
        putImage(dynamodb, "Keys", data.keys(), data.hasKeys());
        putImage(dynamodb, "NewImage", data.newImage(), data.hasNewImage());
        putImage(dynamodb, "OldImage", data.oldImage(), data.hasOldImage());
        dynamodb.put("SequenceNumber", data.sequenceNumber());
        if (data.sizeBytes() != null) {
            dynamodb.put("SizeBytes", data.sizeBytes());
        }
        dynamodb.put("StreamViewType", data.streamViewTypeAsString());
        node.put("eventSourceARN", streamArn);
        return node;
    }

    private void putImage(ObjectNode parent, String name, Map<String, AttributeValue> image, boolean present) {
        if (!present) {
            return;
        }
        ObjectNode node = parent.putObject(name);
        image.forEach((attribute, value) -> node.set(attribute, attributeValue(value)));
    }

    /** DynamoDB's typed JSON: {@code {"S":"x"}}, {@code {"N":"1"}}, {@code {"M":{...}}}, … */
    ObjectNode attributeValue(AttributeValue value) {
        ObjectNode node = json.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", base64(value.b()));
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> value.bs().forEach(b -> node.withArray("BS").add(base64(b)));
            case M -> {
                ObjectNode map = node.putObject("M");
                value.m().forEach((k, v) -> map.set(k, attributeValue(v)));
            }
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(v -> list.add(attributeValue(v)));
            }
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            default -> throw new IllegalArgumentException("unsupported attribute value " + value);
        }
        return node;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
