package io.ticketflow.payment.function;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The AwaitPayment state's payload: its task token and the booking (of which the rest is not ours).
 *
 * @param amount      the reservation's total price, in points ({@code totalPrice} in the saga's input)
 * @param holdSeconds how long the hold lasts, which is also the state's timeout
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AwaitPayment(String taskToken, String reservationId, String userId, String concertId,
                           @JsonAlias("totalPrice") Long amount, String queueToken, Long holdSeconds) {
}
