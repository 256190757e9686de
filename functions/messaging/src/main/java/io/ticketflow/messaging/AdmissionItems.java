package io.ticketflow.messaging;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Layout of an admission view item (key: {@code Catalogue.ADMISSION_PARTITION_KEY}). */
final class AdmissionItems {

    static final String USER_ID = "userId";
    static final String CONCERT_ID = "concertId";
    static final String STATUS = "status";
    /** Epoch millis. */
    static final String ACTIVE_UNTIL = "activeUntil";
    /** Envelope sequence of the last applied event: an older one must not overwrite a newer one. */
    static final String LAST_SEQUENCE = "lastSequence";

    private AdmissionItems() {
    }

    static AdmissionRecord fromItem(Map<String, AttributeValue> item) {
        AttributeValue activeUntil = item.get(ACTIVE_UNTIL);
        return new AdmissionRecord(
                item.get(USER_ID).s(),
                item.get(CONCERT_ID).s(),
                item.get(STATUS).s(),
                activeUntil == null ? null : Instant.ofEpochMilli(Long.parseLong(activeUntil.n())));
    }
}
