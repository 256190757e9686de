package io.ticketflow.concert.adapter;

import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.ConcertCatalog;
import io.ticketflow.concert.domain.ConcertSummary;
import io.ticketflow.concert.domain.Schedule;
import io.ticketflow.concert.domain.Section;
import io.ticketflow.concert.domain.SeatMap;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.messaging.TransactionConflict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The catalogue on DynamoDB, one table {@code concert-catalog} with key ({@code pk}, {@code sk}):
 * <ul>
 *   <li>a concert: {@code pk = "CONCERTS"}, {@code sk = concertId}, title, artist, venue — listing is one Query.
 *       The concert list is small and rarely written, so one partition for it is no hot spot worth sharding;</li>
 *   <li>a schedule: {@code pk = "CONCERT#" + concertId}, {@code sk = "SCHEDULE#" + scheduleId}, startsAt, sections
 *       (list of section, grade, price, firstSeat, lastSeat; never one entry per seat, so a stadium's schedule is
 *       a few KB) — a concert's schedules are one Query. Ids never contain '#', so no concert's partition can be
 *       the listing's.</li>
 * </ul>
 * Publishing writes these, the first seat-map block of each schedule (which claims the schedule id: another
 * concert's makes the transaction fail) and the CONCERT_PUBLISHED event in one transaction, then the schedules'
 * other blocks — a stadium has hundreds, more than a transaction holds. Until then a seat map shows its first
 * block only, like any read model lagging; a crash in between is repaired by publishing the concert again.
 */
public final class DynamoDbConcertCatalog implements ConcertCatalog {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String CONCERTS_PARTITION = "CONCERTS";
    static final String CONCERT_PREFIX = "CONCERT#";
    static final String SCHEDULE_PREFIX = "SCHEDULE#";
    static final String SECTIONS = "sections";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbSeatMapStore seatMaps;
    private final OutboxWriter outbox;
    private final ConcertEvents events;

    /** @param catalogTable physical name of {@code concert-catalog} */
    public DynamoDbConcertCatalog(DynamoDbClient dynamoDb, String catalogTable, DynamoDbSeatMapStore seatMaps,
                                  OutboxWriter outbox, ConcertEvents events) {
        this.dynamoDb = dynamoDb;
        this.table = catalogTable;
        this.seatMaps = seatMaps;
        this.outbox = outbox;
        this.events = events;
    }

    @Override
    public boolean publish(Concert concert) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(Map.of(
                        PK, AttributeValue.fromS(CONCERTS_PARTITION),
                        SK, AttributeValue.fromS(concert.concertId()),
                        "title", AttributeValue.fromS(concert.title()),
                        "artist", AttributeValue.fromS(concert.artist()),
                        "venue", AttributeValue.fromS(concert.venue())))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))
                .build()).build());
        for (Schedule schedule : concert.schedules()) {
            writes.add(TransactWriteItem.builder().put(Put.builder()
                    .tableName(table)
                    .item(scheduleItem(concert.concertId(), schedule))
                    .build()).build());
        }
        List<SeatMap> seatMapsPublished = concert.schedules().stream()
                .map(schedule -> SeatMap.published(concert.concertId(), schedule)).toList();
        seatMapsPublished.forEach(seatMap -> writes.add(seatMaps.createFirstBlock(seatMap)));
        boolean published;
        try {
            outbox.write(writes, List.of(events.published(concert)));
            published = true;
        } catch (TransactionConflict conflict) {
            if (!conflict.failedItemIndexes().contains(0)) {
                throw new ProblemException(ProblemTypes.CONFLICT,
                        "a schedule id of concert " + concert.concertId() + " belongs to another concert");
            }
            published = false;
        }
        seatMapsPublished.forEach(seatMaps::createMissingBlocks);
        return published;
    }

    @Override
    public List<ConcertSummary> concerts() {
        return query(CONCERTS_PARTITION, null).stream()
                .map(item -> new ConcertSummary(item.get(SK).s(), item.get("title").s(), item.get("artist").s(),
                        item.get("venue").s()))
                .toList();
    }

    @Override
    public List<Schedule> schedules(String concertId) {
        return query(CONCERT_PREFIX + concertId, SCHEDULE_PREFIX).stream()
                .map(item -> new Schedule(item.get("scheduleId").s(), Instant.parse(item.get("startsAt").s()),
                        item.get(SECTIONS).l().stream().map(section -> section(section.m())).toList()))
                .sorted(Comparator.comparing(Schedule::startsAt).thenComparing(Schedule::scheduleId))
                .toList();
    }

    private List<Map<String, AttributeValue>> query(String partition, String sortKeyPrefix) {
        return dynamoDb.queryPaginator(request -> {
            if (sortKeyPrefix == null) {
                request.keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)));
            } else {
                request.keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition),
                                ":prefix", AttributeValue.fromS(sortKeyPrefix)));
            }
            request.tableName(table);
        }).items().stream().toList();
    }

    static Map<String, AttributeValue> scheduleItem(String concertId, Schedule schedule) {
        return Map.of(
                PK, AttributeValue.fromS(CONCERT_PREFIX + concertId),
                SK, AttributeValue.fromS(SCHEDULE_PREFIX + schedule.scheduleId()),
                "scheduleId", AttributeValue.fromS(schedule.scheduleId()),
                "startsAt", AttributeValue.fromS(schedule.startsAt().toString()),
                SECTIONS, AttributeValue.fromL(schedule.sections().stream().map(DynamoDbConcertCatalog::section).toList()));
    }

    private static AttributeValue section(Section section) {
        return AttributeValue.fromM(Map.of(
                "section", AttributeValue.fromS(section.section()),
                "grade", AttributeValue.fromS(section.grade()),
                "price", number(section.price()),
                "firstSeat", number(section.firstSeat()),
                "lastSeat", number(section.lastSeat())));
    }

    private static Section section(Map<String, AttributeValue> attributes) {
        return new Section(attributes.get("section").s(), attributes.get("grade").s(), integer(attributes.get("price")),
                integer(attributes.get("firstSeat")), integer(attributes.get("lastSeat")));
    }

    private static AttributeValue number(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }

    private static int integer(AttributeValue number) {
        return Integer.parseInt(number.n());
    }
}
