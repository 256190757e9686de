package io.ticketflow.local;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The money invariant of one booking's card part, from what a user and an auditor can read: the reservation's
 * status, the payment ({@code GET /payments/{id}}) and what the simulated provider charged and refunded
 * ({@code GET /dev/provider/cards/{reservationId}}). Per booking, so that its sum per user holds too: the card's
 * captures minus refunds equal the captured card part of a CONFIRMED booking, and are 0 for any other; no payment is
 * CAPTURED without a CONFIRMED reservation, and no CONFIRMED reservation with a card part lacks its capture. Used by
 * the bench's audit and the booking property test alike.
 */
public final class CardInvariant {

    private CardInvariant() {
    }

    /**
     * @param payment   the payment's view; a missing node when the booking never got as far as a payment
     * @param statement the provider's statement of the reservation's card
     * @return what is broken, empty when the invariant holds
     */
    public static Optional<String> broken(String reservationId, String reservationStatus, JsonNode payment,
                                          JsonNode statement) {
        long net = statement.path("captured").asLong(0) - statement.path("refunded").asLong(0);
        String status = payment.path("status").asString("NONE");
        long cardPart = payment.path("cardAmount").asLong(0);
        boolean confirmed = "CONFIRMED".equals(reservationStatus);
        String state = reservationId + ": reservation " + reservationStatus + ", payment " + status + " (card part "
                + cardPart + "), card charged " + statement.path("captured").asLong(0) + " refunded "
                + statement.path("refunded").asLong(0);
        if (confirmed && cardPart > 0 && !"CAPTURED".equals(status)) {
            return Optional.of("confirmed without a capture: " + state);
        }
        if (!confirmed && "CAPTURED".equals(status)) {
            return Optional.of("captured without a confirmed reservation: " + state);
        }
        long owed = confirmed ? cardPart : 0;
        return net == owed ? Optional.empty() : Optional.of("card charges minus refunds " + net + " != " + owed + ": " + state);
    }
}
