package io.ticketflow.concert.adapter;

import io.ticketflow.catalog.ConcertResources;
import io.ticketflow.concert.domain.SeatBlock;
import io.ticketflow.concert.domain.SeatState;
import io.ticketflow.concert.domain.SeatStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Layout of {@code concert-seat-maps} (key {@code pk}, {@code sk}):
 * <ul>
 *   <li>a block: {@code pk = scheduleId}, {@code sk = blockNo}, {@code concertId}, {@code version}, {@code seats} (a
 *       list of maps: seatNo, grade, price, status, and when set reservationId, holdExpiresAt and changedAt as
 *       ISO-8601 instants, exact to the nanosecond so a replay compares equal);</li>
 *   <li>a reservation's last applied sequence: {@code pk = "applied#" + scheduleId + "#" + reservationId},
 *       {@code sk = 0}, {@code sequence}, {@code expiresAt} (epoch seconds, the table's TTL). Ids contain no '#'
 *       (the catalogue refuses them; reservation ids are UUIDs), so no such key is a schedule's partition.</li>
 * </ul>
 */
final class SeatMapItems {

    static final String PK = ConcertResources.SEAT_MAPS_PARTITION_KEY;
    static final String SK = ConcertResources.SEAT_MAPS_SORT_KEY;
    static final String CONCERT_ID = "concertId";
    static final String VERSION = "version";
    static final String SEATS = "seats";
    static final String SEQUENCE = "sequence";
    static final String EXPIRES_AT = ConcertResources.SEAT_MAPS_TTL_ATTRIBUTE;
    static final String APPLIED_PREFIX = "applied#";
    private static final AttributeValue APPLIED_SORT_KEY = AttributeValue.fromN("0");

    private SeatMapItems() {
    }

    static Map<String, AttributeValue> blockKey(String scheduleId, int blockNo) {
        return Map.of(PK, AttributeValue.fromS(scheduleId), SK, number(blockNo));
    }

    static Map<String, AttributeValue> toItem(SeatBlock block) {
        return Map.of(
                PK, AttributeValue.fromS(block.scheduleId()),
                SK, number(block.blockNo()),
                CONCERT_ID, AttributeValue.fromS(block.concertId()),
                VERSION, number(block.version()),
                SEATS, AttributeValue.fromL(block.seats().stream().map(SeatMapItems::seat).toList()));
    }

    static SeatBlock block(Map<String, AttributeValue> item) {
        List<SeatState> seats = item.get(SEATS).l().stream().map(seat -> seat(seat.m())).toList();
        return new SeatBlock(item.get(PK).s(), item.get(CONCERT_ID).s(), Integer.parseInt(item.get(SK).n()), seats,
                Long.parseLong(item.get(VERSION).n()));
    }

    static String appliedPrefix(String scheduleId) {
        return APPLIED_PREFIX + scheduleId + "#";
    }

    static Map<String, AttributeValue> appliedKey(String scheduleId, String reservationId) {
        return Map.of(PK, AttributeValue.fromS(appliedPrefix(scheduleId) + reservationId), SK, APPLIED_SORT_KEY);
    }

    static Map<String, AttributeValue> appliedItem(String scheduleId, String reservationId, long sequence, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(appliedKey(scheduleId, reservationId));
        item.put(SEQUENCE, number(sequence));
        item.put(EXPIRES_AT, number(expiresAt.getEpochSecond()));
        return item;
    }

    /** @return the reservation id of an applied item of this schedule */
    static String reservationOf(String scheduleId, Map<String, AttributeValue> appliedItem) {
        return appliedItem.get(PK).s().substring(appliedPrefix(scheduleId).length());
    }

    static long sequence(Map<String, AttributeValue> appliedItem) {
        return Long.parseLong(appliedItem.get(SEQUENCE).n());
    }

    private static AttributeValue seat(SeatState seat) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put("seatNo", number(seat.seatNo()));
        attributes.put("grade", AttributeValue.fromS(seat.grade()));
        attributes.put("price", number(seat.price()));
        attributes.put("status", AttributeValue.fromS(seat.status().name()));
        if (seat.reservationId() != null) {
            attributes.put("reservationId", AttributeValue.fromS(seat.reservationId()));
        }
        if (seat.holdExpiresAt() != null) {
            attributes.put("holdExpiresAt", AttributeValue.fromS(seat.holdExpiresAt().toString()));
        }
        if (seat.changedAt() != null) {
            attributes.put("changedAt", AttributeValue.fromS(seat.changedAt().toString()));
        }
        return AttributeValue.fromM(attributes);
    }

    private static SeatState seat(Map<String, AttributeValue> attributes) {
        return new SeatState(
                Integer.parseInt(attributes.get("seatNo").n()),
                attributes.get("grade").s(),
                Integer.parseInt(attributes.get("price").n()),
                SeatStatus.valueOf(attributes.get("status").s()),
                attributes.containsKey("reservationId") ? attributes.get("reservationId").s() : null,
                attributes.containsKey("holdExpiresAt") ? Instant.parse(attributes.get("holdExpiresAt").s()) : null,
                attributes.containsKey("changedAt") ? Instant.parse(attributes.get("changedAt").s()) : null);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
