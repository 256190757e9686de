package io.ticketflow.queue.adapter;

import io.ticketflow.catalog.QueueResources;
import io.ticketflow.queue.domain.CounterShards;
import io.ticketflow.queue.domain.ActivationRate;
import io.ticketflow.queue.domain.LotteryDraw;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.ShardCounter;
import io.ticketflow.queue.domain.TokenStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of the {@code queue-tokens} table, one partition key {@code pk} for six kinds of item:
 * <ul>
 *   <li>{@code QUEUE#<concertId>} — the counter: {@code activated} (the watermark), {@code activeCount}, the
 *       string set {@code restored} of tokens put back to WAITING behind the watermark, which the activation
 *       re-admits first (absent when empty), {@code shards} (how many counter shards the queue opened with;
 *       absent means one), as shard 0, {@code issued}, and {@code closed} while an operator has the queue
 *       closed. It exists once the concert's queue was opened, which is how an unknown concert is told apart
 *       without reading another service's table.</li>
 *   <li>{@code QUEUE#<concertId>#<k>} — counter shard {@code k} (1 ..{@code shards - 1}): {@code issued}, the
 *       rounds it handed out ({@link CounterShards} turns a round into a seq), {@code activated}, the watermark
 *       as of the last activation, {@code shards}, and {@code closed} like the counter (an enter checks the
 *       shard it writes). Enters spread over these, so none is a hot key.</li>
 *   <li>{@code QUEUES} — the registry: the string set {@code concertIds} of open queues, so the scheduled ticks
 *       find them with one read instead of a scan.</li>
 *   <li>{@code TOKEN#<token>} — the token: {@code userId}, {@code concertId}, {@code seq}, {@code status},
 *       {@code version}, and while ACTIVE {@code activeUntil} (epoch millis) and {@code activeConcertId}, the
 *       keys of the sparse GSI {@code activeByExpiry} the expiry tick queries.</li>
 *   <li>{@code USER#<concertId>#<userId>} — the user's pointer to their token: entering twice finds it.</li>
 *   <li>{@code SEQ#<concertId>#<seq>} — the seq's slot: the token holding that place, or {@code burned} when
 *       the activation passed the seq before any token took it. Read by key, strongly consistent, so the
 *       activation never has to trust an eventually consistent index to know who is next.</li>
 * </ul>
 * Concert ids never contain {@code #} (checked when a queue opens), so the composite keys are unambiguous.
 */
final class QueueItems {

    static final String PK = "pk";
    static final String CONCERT_IDS = "concertIds";
    static final String CONCERT_ID = "concertId";
    static final String ISSUED = "issued";
    static final String ACTIVATED = "activated";
    static final String ACTIVE_COUNT = "activeCount";
    static final String TOKEN = "token";
    static final String USER_ID = "userId";
    static final String SEQ = "seq";
    static final String STATUS = "status";
    static final String VERSION = "version";
    static final String ACTIVE_UNTIL = "activeUntil";
    static final String ACTIVE_CONCERT_ID = "activeConcertId";
    static final String BURNED = "burned";
    static final String RESTORED = "restored";
    /** On a token: the reservations whose failed payment put it back in line (a string set). */
    static final String RESTORED_FOR = "restoredFor";
    static final String SHARDS = "shards";
    /** Present (true) while an operator has the queue closed. */
    static final String CLOSED = "closed";
    /** On the counter and every shard: the opening time (epoch millis) of a queue with a pre-queue. */
    static final String OPENS_AT = "opensAt";
    /** On the counter and every shard once drawn: the lottery's seed and size (the pre-queue's highest seq). */
    static final String LOTTERY_SEED = "lotterySeed";
    static final String LOTTERY_SIZE = "lotterySize";
    /** On the counter: the measured activation rate (admissions per second, a decimal) and when it was measured. */
    static final String RATE = "admittedPerSecond";
    static final String RATE_MEASURED_AT = "rateMeasuredAt";
    /** On a token: when its user last entered or polled (epoch millis), and when the activation passed it over. */
    static final String LAST_SEEN_AT = "lastSeenAt";
    static final String ABANDONED_AT = "abandonedAt";

    static final String ACTIVE_BY_EXPIRY_INDEX = QueueResources.ACTIVE_BY_EXPIRY_INDEX;
    static final String REGISTRY_KEY = "QUEUES";

    private QueueItems() {
    }

    static String counterKey(String concertId) {
        return "QUEUE#" + concertId;
    }

    /** Shard 0 is the counter item itself: a queue of one shard is laid out as before shards existed. */
    static String shardKey(String concertId, int shard) {
        return shard == 0 ? counterKey(concertId) : counterKey(concertId) + "#" + shard;
    }

    static String tokenKey(String token) {
        return "TOKEN#" + token;
    }

    static String userKey(String concertId, String userId) {
        return "USER#" + concertId + "#" + userId;
    }

    static String seqKey(String concertId, long seq) {
        return "SEQ#" + concertId + "#" + seq;
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of(PK, AttributeValue.fromS(pk));
    }

    /** @param opensAt the queue's opening time, null for a queue open (FIFO) at once */
    static Map<String, AttributeValue> openedCounterItem(String concertId, CounterShards shards, Instant opensAt) {
        Map<String, AttributeValue> item = new HashMap<>(openedShardItem(concertId, 0, shards, opensAt));
        item.put(ACTIVE_COUNT, number(0));
        return item;
    }

    static Map<String, AttributeValue> openedShardItem(String concertId, int shard, CounterShards shards, Instant opensAt) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                PK, AttributeValue.fromS(shardKey(concertId, shard)),
                CONCERT_ID, AttributeValue.fromS(concertId),
                ISSUED, number(0),
                ACTIVATED, number(0),
                SHARDS, number(shards.count())));
        if (opensAt != null) {
            item.put(OPENS_AT, instant(opensAt));
        }
        return item;
    }

    /** The counter item; its {@code issued} is shard 0's highest seq. */
    static QueueCounter counter(Map<String, AttributeValue> item) {
        AttributeValue restored = item.get(RESTORED);
        long rounds = longOf(item, ISSUED);
        return new QueueCounter(item.get(CONCERT_ID).s(), rounds == 0 ? 0 : shardsOf(item).seqOf(0, rounds),
                longOf(item, ACTIVATED), longOf(item, ACTIVE_COUNT),
                restored == null || !restored.hasSs() ? Set.of() : Set.copyOf(restored.ss()),
                item.containsKey(CLOSED), instantOf(item, OPENS_AT), lotteryOf(item), rateOf(item));
    }

    /** The lottery a counter or shard item records; null before the draw or without an opening time. */
    static LotteryDraw lotteryOf(Map<String, AttributeValue> item) {
        if (!item.containsKey(LOTTERY_SEED) || !item.containsKey(OPENS_AT)) {
            return null;
        }
        return new LotteryDraw(longOf(item, LOTTERY_SEED), longOf(item, LOTTERY_SIZE), instantOf(item, OPENS_AT));
    }

    static ActivationRate rateOf(Map<String, AttributeValue> item) {
        if (!item.containsKey(RATE_MEASURED_AT)) {
            return ActivationRate.UNMEASURED;
        }
        return new ActivationRate(Double.parseDouble(item.get(RATE).n()), instantOf(item, RATE_MEASURED_AT));
    }

    static Instant instantOf(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }

    static ShardCounter shardCounter(int shard, Map<String, AttributeValue> item) {
        return new ShardCounter(shard, longOf(item, ISSUED), longOf(item, ACTIVATED));
    }

    static CounterShards shardsOf(Map<String, AttributeValue> item) {
        return item.containsKey(SHARDS) ? new CounterShards(Math.toIntExact(longOf(item, SHARDS))) : CounterShards.SINGLE;
    }

    /** A token as stored; ACTIVE tokens also carry the keys of the {@code activeByExpiry} index. */
    static Map<String, AttributeValue> tokenItem(QueueToken token) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, AttributeValue.fromS(tokenKey(token.token())));
        item.put(TOKEN, AttributeValue.fromS(token.token()));
        item.put(USER_ID, AttributeValue.fromS(token.userId()));
        item.put(CONCERT_ID, AttributeValue.fromS(token.concertId()));
        item.put(SEQ, number(token.seq()));
        item.put(STATUS, AttributeValue.fromS(token.status().name()));
        item.put(VERSION, number(token.version()));
        if (token.activeUntil() != null) {
            item.put(ACTIVE_UNTIL, instant(token.activeUntil()));
        }
        if (token.status() == TokenStatus.ACTIVE) {
            item.put(ACTIVE_CONCERT_ID, AttributeValue.fromS(token.concertId()));
        }
        if (token.lastSeenAt() != null) {
            item.put(LAST_SEEN_AT, instant(token.lastSeenAt()));
        }
        if (token.abandonedAt() != null) {
            item.put(ABANDONED_AT, instant(token.abandonedAt()));
        }
        return item;
    }

    static QueueToken token(Map<String, AttributeValue> item) {
        return new QueueToken(item.get(TOKEN).s(), item.get(USER_ID).s(), item.get(CONCERT_ID).s(),
                longOf(item, SEQ), TokenStatus.valueOf(item.get(STATUS).s()), instantOf(item, ACTIVE_UNTIL),
                longOf(item, VERSION), instantOf(item, LAST_SEEN_AT), instantOf(item, ABANDONED_AT));
    }

    static Map<String, AttributeValue> userPointerItem(QueueToken token) {
        return Map.of(PK, AttributeValue.fromS(userKey(token.concertId(), token.userId())),
                TOKEN, AttributeValue.fromS(token.token()));
    }

    static Map<String, AttributeValue> seqSlotItem(QueueToken token) {
        return Map.of(PK, AttributeValue.fromS(seqKey(token.concertId(), token.seq())),
                TOKEN, AttributeValue.fromS(token.token()));
    }

    static Map<String, AttributeValue> burnedSlotItem(String concertId, long seq) {
        return Map.of(PK, AttributeValue.fromS(seqKey(concertId, seq)), BURNED, AttributeValue.fromBool(true));
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue instant(Instant value) {
        return number(value.toEpochMilli());
    }

    static long longOf(Map<String, AttributeValue> item, String attribute) {
        return Long.parseLong(item.get(attribute).n());
    }
}
