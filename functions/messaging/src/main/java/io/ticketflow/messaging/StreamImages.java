package io.ticketflow.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts a stream record's image from the Lambda event model to the SDK's item model, so an outbox item read
 * from the stream and one read from the table go through the same mapping. Covers the scalar types outbox
 * items use.
 */
final class StreamImages {

    private StreamImages() {
    }

    static Map<String, AttributeValue> toItem(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        image.forEach((name, value) -> item.put(name, toSdk(name, value)));
        return item;
    }

    private static AttributeValue toSdk(String name, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
        if (value.getS() != null) {
            return AttributeValue.fromS(value.getS());
        }
        if (value.getN() != null) {
            return AttributeValue.fromN(value.getN());
        }
        if (value.getBOOL() != null) {
            return AttributeValue.fromBool(value.getBOOL());
        }
        if (Boolean.TRUE.equals(value.getNULL())) {
            return AttributeValue.fromNul(true);
        }
        throw new IllegalArgumentException("attribute " + name + " has a type outbox items do not use");
    }
}
