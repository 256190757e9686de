package io.ticketflow.payment.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The AuthorisePayment state's payload: the saga's state, of which the reservation and the split of
 * {@code POST /payments} ({@code $.payment}) matter here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorisePayment(String reservationId, Split payment) {

    /** @param pointsToUse null when the saga was resumed without a split: the points pay it all */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Split(Long pointsToUse, String paymentMethod) {
    }
}
