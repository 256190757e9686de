package io.ticketflow.reservation.adapter;

import io.ticketflow.reservation.domain.StuckBooking;
import io.ticketflow.reservation.domain.StuckBookings;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

/** Stuck bookings as JSON messages on the {@code booking-compensation-failures} queue. */
public final class SqsStuckBookings implements StuckBookings {

    private final SqsClient sqs;
    private final String queueName;
    private final JsonMapper json;

    /** @param queueName physical queue name; its URL is looked up per report, which is rare by nature */
    public SqsStuckBookings(SqsClient sqs, String queueName, JsonMapper json) {
        this.sqs = sqs;
        this.queueName = queueName;
        this.json = json;
    }

    @Override
    public String report(StuckBooking booking) {
        String url = sqs.getQueueUrl(request -> request.queueName(queueName)).queueUrl();
        return sqs.sendMessage(request -> request.queueUrl(url).messageBody(json.writeValueAsString(booking))).messageId();
    }
}
