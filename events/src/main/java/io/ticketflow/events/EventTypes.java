package io.ticketflow.events;

import java.util.List;

/** The names of every event type; each has {@code events/schemas/<TYPE>.schema.json} and a sample. */
public final class EventTypes {

    public static final String QUEUE_WAITING = "QUEUE_WAITING";
    /** An admitted token put back in line after a failed payment; only this one concerns the admission views. */
    public static final String QUEUE_RESTORED = "QUEUE_RESTORED";
    public static final String QUEUE_ACTIVATED = "QUEUE_ACTIVATED";
    public static final String QUEUE_EXPIRED = "QUEUE_EXPIRED";
    /** The activation passed over a WAITING token whose user stopped polling; it keeps its place for a grace period. */
    public static final String QUEUE_ABANDONED = "QUEUE_ABANDONED";
    /** A queue's opening: the seeded order of its pre-queue, recorded so the draw can be audited and replayed. */
    public static final String QUEUE_LOTTERY_DRAWN = "QUEUE_LOTTERY_DRAWN";

    public static final String CONCERT_PUBLISHED = "CONCERT_PUBLISHED";

    public static final String RESERVATION_CREATED = "RESERVATION_CREATED";
    public static final String RESERVATION_CONFIRMED = "RESERVATION_CONFIRMED";
    public static final String RESERVATION_CANCELLED = "RESERVATION_CANCELLED";
    public static final String RESERVATION_EXPIRED = "RESERVATION_EXPIRED";

    public static final String PAYMENT_AUTHORISED = "PAYMENT_AUTHORISED";
    public static final String PAYMENT_CAPTURED = "PAYMENT_CAPTURED";
    public static final String PAYMENT_CANCELLED = "PAYMENT_CANCELLED";
    public static final String PAYMENT_REFUNDED = "PAYMENT_REFUNDED";

    public static final String POINT_CHARGED = "POINT_CHARGED";
    public static final String POINT_DEDUCTED = "POINT_DEDUCTED";
    public static final String POINT_REFUNDED = "POINT_REFUNDED";
    /** Points a booking earned on its card payment. */
    public static final String POINT_EARNED = "POINT_EARNED";
    /** A cancelled booking's earned points taken back. */
    public static final String POINT_EARNING_REVERSED = "POINT_EARNING_REVERSED";

    /** Events of the waiting queue, the ones other services build their admission view from. */
    public static final List<String> QUEUE = List.of(QUEUE_WAITING, QUEUE_RESTORED, QUEUE_ACTIVATED, QUEUE_EXPIRED);

    public static final List<String> ALL = List.of(
            QUEUE_WAITING, QUEUE_RESTORED, QUEUE_ACTIVATED, QUEUE_EXPIRED, QUEUE_ABANDONED, QUEUE_LOTTERY_DRAWN,
            CONCERT_PUBLISHED,
            RESERVATION_CREATED, RESERVATION_CONFIRMED, RESERVATION_CANCELLED, RESERVATION_EXPIRED,
            PAYMENT_AUTHORISED, PAYMENT_CAPTURED, PAYMENT_CANCELLED, PAYMENT_REFUNDED,
            POINT_CHARGED, POINT_DEDUCTED, POINT_REFUNDED, POINT_EARNED, POINT_EARNING_REVERSED);

    private EventTypes() {
    }
}
