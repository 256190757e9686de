package io.ticketflow.messaging;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.sqs.model.Message;

/** SQS batches as Lambda's event-source mapping hands them to a function. */
public final class SqsBatches {

    private SqsBatches() {
    }

    /** One message per body, with ids {@code m-0}, {@code m-1}, ... */
    public static SQSEvent of(String... bodies) {
        return event(IntStream.range(0, bodies.length).mapToObj(i -> message("m-" + i, bodies[i], "rh-" + i)).toList());
    }

    public static SQSEvent received(List<Message> messages) {
        return event(messages.stream().map(m -> message(m.messageId(), m.body(), m.receiptHandle())).toList());
    }

    private static SQSEvent event(List<SQSMessage> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    private static SQSMessage message(String id, String body, String receiptHandle) {
        SQSMessage message = new SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setReceiptHandle(receiptHandle);
        message.setEventSource("aws:sqs");
        return message;
    }
}
