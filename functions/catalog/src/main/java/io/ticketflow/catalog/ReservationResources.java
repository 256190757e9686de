package io.ticketflow.catalog;

import static io.ticketflow.catalog.Grant.consumes;
import static io.ticketflow.catalog.Grant.describesExecution;
import static io.ticketflow.catalog.Grant.reads;
import static io.ticketflow.catalog.Grant.readsIndex;
import static io.ticketflow.catalog.Grant.relays;
import static io.ticketflow.catalog.Grant.sends;
import static io.ticketflow.catalog.Grant.startsExecution;
import static io.ticketflow.catalog.Grant.verifiesAdmissionPasses;
import static io.ticketflow.catalog.Grant.writes;
import static io.ticketflow.catalog.KeyAttribute.number;
import static io.ticketflow.catalog.KeyAttribute.string;

import java.util.List;

/**
 * Reservation service: seat holds that never oversell, its own revocation view of admission passes, and its
 * own copy of the seat inventory (fed from {@code CONCERT_PUBLISHED}, never read from the Concert service).
 *
 * <ul>
 *   <li>{@code reservation-seat-locks}: one item per held or sold seat, key {@code lockId = scheduleId#seatNo};
 *       written with the condition "absent, or a HELD lock whose {@code holdExpiresAt} has passed", in the same
 *       transaction as the reservation and its event.</li>
 *   <li>{@code reservation-reservations}: one item per reservation. Its index {@code pendingByExpiry} is sparse:
 *       only PENDING reservations carry {@code pendingBucket}, so the sweeper reads just the holds that may have
 *       ended. The bucket spreads them over a few partitions instead of one hot key.</li>
 *   <li>{@code reservation-seat-inventory}: key ({@code scheduleId}, {@code block}); a header item
 *       ({@code block = -1}: the concert) and one item per block of up to 100 seats (grade and price, see the
 *       kernel's {@code SeatBlocks}), so a hold validates its seats with one BatchGetItem of the header and the
 *       blocks of the seats asked for, whatever the hall.</li>
 *   <li>{@code reservation-holders}: what each holder has, so one cannot hoard (issue #12): per queue token
 *       ({@code holderId = token#<token>}) the reservation it holds, put with the condition "absent, or that hold
 *       ended", and per user and concert ({@code user#<userId>#<concertId>}) the seats held or booked, raised with
 *       the condition "stays within the cap". Both are written in the hold's transaction, and given back in the
 *       one that releases the hold.</li>
 *   <li>{@code reservation-events}: the outbox and event store; its stream feeds {@code reservationEventsRelay}.</li>
 * </ul>
 */
public final class ReservationResources {

    public static final String SEAT_LOCKS_TABLE = "reservation-seat-locks";
    public static final String RESERVATIONS_TABLE = "reservation-reservations";
    public static final String SEAT_INVENTORY_TABLE = "reservation-seat-inventory";
    public static final String SEAT_INVENTORY_SORT_KEY = "block";
    public static final String HOLDERS_TABLE = "reservation-holders";
    /** A queue token's item expires (TTL) a while after its hold; a user's seat count never does. */
    public static final String HOLDERS_TTL_ATTRIBUTE = "ttl";
    public static final String EVENTS_TABLE = "reservation-events";
    public static final String ADMISSIONS_TABLE = "reservation-admissions";
    public static final String INBOX_TABLE = "reservation-inbox";
    public static final String PENDING_BY_EXPIRY_INDEX = "pendingByExpiry";

    public static final String ADMISSION_QUEUE = "reservation-admission-events";
    public static final String CONCERT_EVENTS_QUEUE = "reservation-concert-events";
    public static final String RELAY_FAILURES_QUEUE = "reservation-relay-failures";
    /** Bookings whose saga compensation still failed after its retries, for an operator (never silent). */
    public static final String COMPENSATION_FAILURES_QUEUE = "booking-compensation-failures";

    public static final String HOLD_SEATS = "holdSeats";
    public static final String GET_RESERVATION = "getReservation";
    public static final String CANCEL_RESERVATION = "cancelReservation";
    /** Cancels a CONFIRMED booking by starting its cancellation saga. */
    public static final String CANCEL_BOOKING = "cancelBooking";
    public static final String EXPIRE_HOLDS = "expireHolds";
    public static final String ADMISSION_CONSUMER = "reservationAdmissionConsumer";
    public static final String CATALOG_CONSUMER = "reservationCatalogConsumer";
    public static final String EVENTS_RELAY = "reservationEventsRelay";
    public static final String EXPIRY_SCHEDULE = "reservation-expiry";
    /** Booking saga steps owned by the reservation, the booking's aggregate. */
    public static final String CONFIRM_RESERVATION = "confirmReservation";
    public static final String RELEASE_SEATS = "releaseSeats";
    public static final String REPORT_STUCK_BOOKING = "reportStuckBooking";

    /** The Concert service's outbox; declared here too because the route into our queue is ours to declare. */
    static final String CONCERT_EVENTS_TABLE = "concert-events";
    static final String CONCERT_PUBLISHED = "CONCERT_PUBLISHED";

    private ReservationResources() {
    }

    static ServiceResources declare() {
        return new ServiceResources(
                Service.RESERVATION,
                List.of(
                        new TableSpec(SEAT_LOCKS_TABLE, Service.RESERVATION, string("lockId"), null, List.of(), false, null),
                        new TableSpec(RESERVATIONS_TABLE, Service.RESERVATION, string("reservationId"), null,
                                List.of(new IndexSpec(PENDING_BY_EXPIRY_INDEX, string("pendingBucket"), number("expiresAt"))),
                                false, null),
                        new TableSpec(SEAT_INVENTORY_TABLE, Service.RESERVATION, string("scheduleId"),
                                number(SEAT_INVENTORY_SORT_KEY), List.of(), false, null),
                        new TableSpec(HOLDERS_TABLE, Service.RESERVATION, string("holderId"), null, List.of(), false,
                                HOLDERS_TTL_ATTRIBUTE),
                        Catalogue.outboxTable(EVENTS_TABLE, Service.RESERVATION),
                        Catalogue.admissionTable(ADMISSIONS_TABLE, Service.RESERVATION),
                        Catalogue.inboxTable(INBOX_TABLE, Service.RESERVATION)),
                List.of(new QueueSpec(ADMISSION_QUEUE, Service.RESERVATION, 30, 5),
                        new QueueSpec(CONCERT_EVENTS_QUEUE, Service.RESERVATION, 30, 5),
                        new QueueSpec(RELAY_FAILURES_QUEUE, Service.RESERVATION, 30, 3),
                        new QueueSpec(COMPENSATION_FAILURES_QUEUE, Service.RESERVATION, 30, 3)),
                List.of(FunctionSpec.of(HOLD_SEATS, Service.RESERVATION, FunctionKind.HTTP)
                                .uses(verifiesAdmissionPasses(), reads(ADMISSIONS_TABLE), reads(SEAT_INVENTORY_TABLE),
                                        writes(SEAT_LOCKS_TABLE), writes(RESERVATIONS_TABLE), writes(EVENTS_TABLE),
                                        reads(HOLDERS_TABLE), writes(HOLDERS_TABLE), startsExecution(Catalogue.BOOKING_SAGA),
                                        // a hold whose saga cannot start is undone: its locks are read back to release them
                                        reads(SEAT_LOCKS_TABLE)),
                        FunctionSpec.of(GET_RESERVATION, Service.RESERVATION, FunctionKind.HTTP)
                                .uses(verifiesAdmissionPasses(), reads(ADMISSIONS_TABLE), reads(RESERVATIONS_TABLE)),
                        FunctionSpec.of(CANCEL_RESERVATION, Service.RESERVATION, FunctionKind.HTTP)
                                .uses(verifiesAdmissionPasses(), reads(ADMISSIONS_TABLE), reads(RESERVATIONS_TABLE),
                                        reads(SEAT_LOCKS_TABLE), writes(RESERVATIONS_TABLE), writes(SEAT_LOCKS_TABLE),
                                        writes(EVENTS_TABLE), reads(HOLDERS_TABLE), writes(HOLDERS_TABLE)),
                        // a repeat finds the cancellation it started (DescribeExecution) instead of failing
                        FunctionSpec.of(CANCEL_BOOKING, Service.RESERVATION, FunctionKind.HTTP)
                                .uses(reads(RESERVATIONS_TABLE), startsExecution(Catalogue.BOOKING_CANCELLATION),
                                        describesExecution(Catalogue.BOOKING_CANCELLATION)),
                        // one sweep at a time is enough; a second concurrent one would only fail its conditions
                        FunctionSpec.of(EXPIRE_HOLDS, Service.RESERVATION, FunctionKind.SCHEDULED).withReservedConcurrency(1)
                                .uses(readsIndex(RESERVATIONS_TABLE, PENDING_BY_EXPIRY_INDEX), reads(SEAT_LOCKS_TABLE),
                                        writes(RESERVATIONS_TABLE), writes(SEAT_LOCKS_TABLE), writes(EVENTS_TABLE),
                                        reads(HOLDERS_TABLE), writes(HOLDERS_TABLE)),
                        FunctionSpec.of(ADMISSION_CONSUMER, Service.RESERVATION, FunctionKind.SQS)
                                .uses(consumes(ADMISSION_QUEUE), writes(INBOX_TABLE), writes(ADMISSIONS_TABLE)),
                        FunctionSpec.of(CATALOG_CONSUMER, Service.RESERVATION, FunctionKind.SQS)
                                .uses(consumes(CONCERT_EVENTS_QUEUE), writes(INBOX_TABLE), writes(SEAT_INVENTORY_TABLE)),
                        FunctionSpec.of(EVENTS_RELAY, Service.RESERVATION, FunctionKind.STREAM)
                                .uses(relays(EVENTS_TABLE), sends(RELAY_FAILURES_QUEUE)),
                        FunctionSpec.of(CONFIRM_RESERVATION, Service.RESERVATION, FunctionKind.SAGA_TASK)
                                .uses(reads(RESERVATIONS_TABLE), writes(RESERVATIONS_TABLE), writes(SEAT_LOCKS_TABLE),
                                        writes(EVENTS_TABLE)),
                        FunctionSpec.of(RELEASE_SEATS, Service.RESERVATION, FunctionKind.SAGA_TASK)
                                .uses(reads(RESERVATIONS_TABLE), reads(SEAT_LOCKS_TABLE), writes(RESERVATIONS_TABLE),
                                        writes(SEAT_LOCKS_TABLE), writes(EVENTS_TABLE), reads(HOLDERS_TABLE),
                                        writes(HOLDERS_TABLE)),
                        // a repeated report answers the message id kept on the reservation
                        FunctionSpec.of(REPORT_STUCK_BOOKING, Service.RESERVATION, FunctionKind.SAGA_TASK)
                                .uses(sends(COMPENSATION_FAILURES_QUEUE), reads(RESERVATIONS_TABLE), writes(RESERVATIONS_TABLE))),
                List.of(new Route(HttpMethod.POST, "/reservations", HOLD_SEATS, true),
                        new Route(HttpMethod.GET, "/reservations/{reservationId}", GET_RESERVATION, true),
                        new Route(HttpMethod.DELETE, "/reservations/{reservationId}", CANCEL_RESERVATION, true),
                        new Route(HttpMethod.POST, "/reservations/{reservationId}/cancellation", CANCEL_BOOKING, true)),
                List.of(new StreamSubscription(EVENTS_TABLE, EVENTS_RELAY, 100, 5, RELAY_FAILURES_QUEUE)),
                List.of(new QueueSubscription(ADMISSION_QUEUE, ADMISSION_CONSUMER, 10, 0),
                        new QueueSubscription(CONCERT_EVENTS_QUEUE, CATALOG_CONSUMER, 10, 0)),
                List.of(new EventRoute(QueueResources.EVENTS_TABLE, "QUEUE_EXPIRED", ADMISSION_QUEUE),
                        new EventRoute(QueueResources.EVENTS_TABLE, "QUEUE_RESTORED", ADMISSION_QUEUE),
                        new EventRoute(CONCERT_EVENTS_TABLE, CONCERT_PUBLISHED, CONCERT_EVENTS_QUEUE)),
                List.of(new ScheduleSpec(EXPIRY_SCHEDULE, EXPIRE_HOLDS, 10)));
    }
}
