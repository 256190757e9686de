package io.ticketflow.messaging;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Layout of an admission view item (key: {@code Catalogue.ADMISSION_PARTITION_KEY}, the queue token). */
final class AdmissionItems {

    static final String USER_ID = "userId";
    static final String CONCERT_ID = "concertId";
    static final String STATUS = "status";
    /** Envelope sequence of the last applied event: an older one must not overwrite a newer one. */
    static final String LAST_SEQUENCE = "lastSequence";

    private AdmissionItems() {
    }

    static AdmissionRecord fromItem(Map<String, AttributeValue> item) {
        return new AdmissionRecord(item.get(STATUS).s(), Long.parseLong(item.get(LAST_SEQUENCE).n()));
    }
}
