package io.ticketflow.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.ticketflow.messaging.StreamRecords;
import java.io.ByteArrayOutputStream;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code DynamodbEvent} JSON Lambda's event-source mapping delivers, for records read with the SDK:
 * messaging's {@link StreamRecords} builds the event, Lambda's own serializer writes its wire format.
 */
final class StreamEventJson {

    private final PojoSerializer<DynamodbEvent> serializer =
            LambdaEventSerializers.serializerFor(DynamodbEvent.class, StreamEventJson.class.getClassLoader());
    private final JsonMapper json;

    StreamEventJson(JsonMapper json) {
        this.json = json;
    }

    ObjectNode event(List<Record> records, String streamArn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(StreamRecords.toEvent(records, streamArn), out);
        return (ObjectNode) json.readTree(out.toByteArray());
    }

    JsonNode record(Record record, String streamArn) {
        return event(List.of(record), streamArn).get("Records").get(0);
    }
}
