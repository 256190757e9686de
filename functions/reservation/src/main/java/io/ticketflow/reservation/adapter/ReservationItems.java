package io.ticketflow.reservation.adapter;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ReservationStatus;
import io.ticketflow.reservation.domain.ScheduleInventory;
import io.ticketflow.reservation.domain.Seat;
import io.ticketflow.reservation.domain.SeatLock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item layouts of the Reservation tables. Instants are stored as epoch milliseconds (numbers), so conditions
 * and the {@code pendingByExpiry} index compare them as numbers.
 */
final class ReservationItems {

    // reservation-seat-locks
    static final String LOCK_ID = "lockId";
    static final String SEAT_NO = "seatNo";
    static final String HOLD_EXPIRES_AT = "holdExpiresAt";

    // reservation-reservations
    static final String RESERVATION_ID = "reservationId";
    static final String USER_ID = "userId";
    static final String CONCERT_ID = "concertId";
    static final String SCHEDULE_ID = "scheduleId";
    /** The show's start, on a reservation and on an inventory header. */
    static final String STARTS_AT = "startsAt";
    static final String QUEUE_TOKEN = "queueToken";
    static final String SEATS = "seats";
    static final String TOTAL_PRICE = "totalPrice";
    static final String STATUS = "status";
    static final String CREATED_AT = "createdAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String VERSION = "version";
    /** Set when CONFIRMED: the payment the saga confirmed it with. */
    static final String PAYMENT_ID = "paymentId";
    /** The stuck-booking report sent for the reservation: {@code {executionArn, messageId}}. */
    static final String STUCK_REPORT = "stuckReport";
    /** Present only while PENDING: the sparse {@code pendingByExpiry} index's partition key. */
    static final String PENDING_BUCKET = "pendingBucket";
    /** Partitions of the sparse index; the sweeper queries each. */
    static final int PENDING_BUCKETS = 4;

    // reservation-holders
    static final String HOLDER_ID = "holderId";
    /** On a user's item: seats of the concert held or booked. */
    static final String HELD_SEATS = "heldSeats";
    static final String TTL = ReservationResources.HOLDERS_TTL_ATTRIBUTE;
    /** A token's item outlives its hold by this much before TTL may delete it: long after anyone could use it. */
    private static final long TOKEN_ITEM_RETENTION_SECONDS = 24 * 3600;

    // reservation-seat-inventory
    static final String BLOCK = ReservationResources.SEAT_INVENTORY_SORT_KEY;
    /** The header's block number: below every seat block, so it leads a Query of the schedule. */
    static final int HEADER_BLOCK = -1;
    static final String GRADE = "grade";
    static final String PRICE = "price";
    static final String PUBLISHED_SEQUENCE = "publishedSequence";

    private ReservationItems() {
    }

    static Map<String, AttributeValue> lockKey(String scheduleId, int seatNo) {
        return Map.of(LOCK_ID, AttributeValue.fromS(SeatLock.lockId(scheduleId, seatNo)));
    }

    static Map<String, AttributeValue> heldLockItem(Reservation reservation, int seatNo) {
        return Map.of(
                LOCK_ID, AttributeValue.fromS(SeatLock.lockId(reservation.scheduleId(), seatNo)),
                SCHEDULE_ID, AttributeValue.fromS(reservation.scheduleId()),
                SEAT_NO, number(seatNo),
                RESERVATION_ID, AttributeValue.fromS(reservation.reservationId()),
                STATUS, AttributeValue.fromS(SeatLock.Status.HELD.name()),
                HOLD_EXPIRES_AT, instant(reservation.expiresAt()));
    }

    static SeatLock lock(Map<String, AttributeValue> item) {
        return new SeatLock(item.get(SCHEDULE_ID).s(), Integer.parseInt(item.get(SEAT_NO).n()),
                item.get(RESERVATION_ID).s(), SeatLock.Status.valueOf(item.get(STATUS).s()),
                item.containsKey(HOLD_EXPIRES_AT) ? instantOf(item.get(HOLD_EXPIRES_AT)) : null);
    }

    static Map<String, AttributeValue> reservationKey(String reservationId) {
        return Map.of(RESERVATION_ID, AttributeValue.fromS(reservationId));
    }

    static Map<String, AttributeValue> reservationItem(Reservation reservation) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(RESERVATION_ID, AttributeValue.fromS(reservation.reservationId()));
        item.put(USER_ID, AttributeValue.fromS(reservation.userId()));
        item.put(CONCERT_ID, AttributeValue.fromS(reservation.concertId()));
        item.put(SCHEDULE_ID, AttributeValue.fromS(reservation.scheduleId()));
        item.put(STARTS_AT, instant(reservation.startsAt()));
        item.put(QUEUE_TOKEN, AttributeValue.fromS(reservation.queueToken()));
        item.put(SEATS, seats(reservation.seats()));
        item.put(TOTAL_PRICE, number(reservation.totalPrice()));
        item.put(STATUS, AttributeValue.fromS(reservation.status().name()));
        item.put(CREATED_AT, instant(reservation.createdAt()));
        item.put(EXPIRES_AT, instant(reservation.expiresAt()));
        item.put(VERSION, number(reservation.version()));
        if (reservation.status() == ReservationStatus.PENDING) {
            item.put(PENDING_BUCKET, AttributeValue.fromS(pendingBucket(reservation.reservationId())));
        }
        return item;
    }

    static Reservation reservation(Map<String, AttributeValue> item) {
        return new Reservation(item.get(RESERVATION_ID).s(), item.get(USER_ID).s(), item.get(CONCERT_ID).s(),
                item.get(SCHEDULE_ID).s(), instantOf(item.get(STARTS_AT)), item.get(QUEUE_TOKEN).s(), seatsOf(item.get(SEATS)),
                Integer.parseInt(item.get(TOTAL_PRICE).n()), ReservationStatus.valueOf(item.get(STATUS).s()),
                instantOf(item.get(CREATED_AT)), instantOf(item.get(EXPIRES_AT)), Long.parseLong(item.get(VERSION).n()));
    }

    static String pendingBucket(String reservationId) {
        return "pending-" + Math.floorMod(reservationId.hashCode(), PENDING_BUCKETS);
    }

    static List<String> pendingBuckets() {
        return IntStream.range(0, PENDING_BUCKETS).mapToObj(i -> "pending-" + i).toList();
    }

    /** The item of the hold a queue token has running; the token, not the user, is what the queue admitted. */
    static Map<String, AttributeValue> tokenHolderKey(String queueToken) {
        return Map.of(HOLDER_ID, AttributeValue.fromS("token#" + queueToken));
    }

    static Map<String, AttributeValue> tokenHoldItem(Reservation pending) {
        return Map.of(
                HOLDER_ID, tokenHolderKey(pending.queueToken()).get(HOLDER_ID),
                RESERVATION_ID, AttributeValue.fromS(pending.reservationId()),
                HOLD_EXPIRES_AT, instant(pending.expiresAt()),
                TTL, number(pending.expiresAt().getEpochSecond() + TOKEN_ITEM_RETENTION_SECONDS));
    }

    /** The item counting a user's seats of one concert. */
    static Map<String, AttributeValue> userSeatsKey(String userId, String concertId) {
        return Map.of(HOLDER_ID, AttributeValue.fromS("user#" + userId + "#" + concertId));
    }

    static Map<String, AttributeValue> inventoryKey(String scheduleId, int block) {
        return Map.of(SCHEDULE_ID, AttributeValue.fromS(scheduleId), BLOCK, number(block));
    }

    /** The schedule's header: its concert; present once the schedule is known. */
    static Map<String, AttributeValue> inventoryHeaderItem(ScheduleInventory schedule, long publishedSequence) {
        return Map.of(
                SCHEDULE_ID, AttributeValue.fromS(schedule.scheduleId()),
                BLOCK, number(HEADER_BLOCK),
                CONCERT_ID, AttributeValue.fromS(schedule.concertId()),
                STARTS_AT, instant(schedule.startsAt()),
                PUBLISHED_SEQUENCE, number(publishedSequence));
    }

    static Map<String, AttributeValue> inventoryBlockItem(String scheduleId, int block, List<Seat> seats, long publishedSequence) {
        return Map.of(
                SCHEDULE_ID, AttributeValue.fromS(scheduleId),
                BLOCK, number(block),
                SEATS, seats(seats),
                PUBLISHED_SEQUENCE, number(publishedSequence));
    }

    static boolean isInventoryHeader(Map<String, AttributeValue> item) {
        return Integer.parseInt(item.get(BLOCK).n()) == HEADER_BLOCK;
    }

    /** @param items the schedule's header and any of its blocks */
    static ScheduleInventory inventory(Map<String, AttributeValue> header, List<Map<String, AttributeValue>> items) {
        List<Seat> seats = items.stream().filter(item -> !isInventoryHeader(item))
                .flatMap(item -> seatsOf(item.get(SEATS)).stream()).toList();
        return ScheduleInventory.of(header.get(SCHEDULE_ID).s(), header.get(CONCERT_ID).s(),
                instantOf(header.get(STARTS_AT)), seats);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue instant(Instant instant) {
        return number(instant.toEpochMilli());
    }

    static Instant instantOf(AttributeValue value) {
        return Instant.ofEpochMilli(Long.parseLong(value.n()));
    }

    private static AttributeValue seats(List<Seat> seats) {
        return AttributeValue.fromL(seats.stream().map(seat -> AttributeValue.fromM(Map.of(
                SEAT_NO, number(seat.seatNo()),
                GRADE, AttributeValue.fromS(seat.grade()),
                PRICE, number(seat.price())))).toList());
    }

    private static List<Seat> seatsOf(AttributeValue seats) {
        return seats.l().stream().map(AttributeValue::m).map(seat -> new Seat(
                Integer.parseInt(seat.get(SEAT_NO).n()), seat.get(GRADE).s(), Integer.parseInt(seat.get(PRICE).n())))
                .toList();
    }
}
