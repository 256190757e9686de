package io.ticketflow.kernel.function;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Reads an event-source batch and writes its batch response with the Lambda Java runtime's own serializers:
 * SQS and DynamoDB stream events use names Jackson does not map by default ({@code Records},
 * {@code eventSourceARN}, {@code NewImage}, {@code BOOL}) and epoch-second dates.
 */
final class LambdaEventCodec<E, R> {

    private final PojoSerializer<E> events;
    private final PojoSerializer<R> responses;
    private final Supplier<R> noFailures;

    /** @param noFailures the response written when the handler answers null: the whole batch succeeded */
    LambdaEventCodec(Class<E> eventType, Class<R> responseType, Supplier<R> noFailures) {
        ClassLoader classLoader = LambdaEventCodec.class.getClassLoader();
        this.events = LambdaEventSerializers.serializerFor(eventType, classLoader);
        this.responses = LambdaEventSerializers.serializerFor(responseType, classLoader);
        this.noFailures = noFailures;
    }

    E read(InputStream json) {
        return events.fromJson(json);
    }

    byte[] write(R response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        responses.toJson(response == null ? noFailures.get() : response, out);
        return out.toByteArray();
    }
}
