package io.ticketflow.concert.adapter;

import io.ticketflow.concert.domain.SeatMap;
import io.ticketflow.concert.domain.SeatState;
import io.ticketflow.concert.domain.SeatStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Layout of a {@code concert-seat-maps} item: {@code scheduleId} (key), {@code concertId}, {@code version},
 * {@code seats} (a list of maps: seatNo, grade, price, status, and when set reservationId, holdExpiresAt and
 * changedAt as ISO-8601 instants, exact to the nanosecond so a replay compares equal) and {@code applied} (a map reservationId → last sequence applied).
 */
final class SeatMapItems {

    static final String SCHEDULE_ID = "scheduleId";
    static final String CONCERT_ID = "concertId";
    static final String VERSION = "version";
    static final String SEATS = "seats";
    static final String APPLIED = "applied";

    private SeatMapItems() {
    }

    static Map<String, AttributeValue> key(String scheduleId) {
        return Map.of(SCHEDULE_ID, AttributeValue.fromS(scheduleId));
    }

    static Map<String, AttributeValue> toItem(SeatMap seatMap) {
        Map<String, AttributeValue> applied = new HashMap<>();
        seatMap.appliedSequences().forEach((reservation, sequence) -> applied.put(reservation, number(sequence)));
        return Map.of(
                SCHEDULE_ID, AttributeValue.fromS(seatMap.scheduleId()),
                CONCERT_ID, AttributeValue.fromS(seatMap.concertId()),
                VERSION, number(seatMap.version()),
                SEATS, AttributeValue.fromL(seatMap.seats().stream().map(SeatMapItems::seat).toList()),
                APPLIED, AttributeValue.fromM(applied));
    }

    static SeatMap fromItem(Map<String, AttributeValue> item) {
        Map<String, Long> applied = new TreeMap<>();
        item.getOrDefault(APPLIED, AttributeValue.fromM(Map.of())).m()
                .forEach((reservation, sequence) -> applied.put(reservation, Long.parseLong(sequence.n())));
        List<SeatState> seats = item.get(SEATS).l().stream().map(seat -> seat(seat.m())).toList();
        return new SeatMap(item.get(SCHEDULE_ID).s(), item.get(CONCERT_ID).s(), seats, applied,
                Long.parseLong(item.get(VERSION).n()));
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

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
