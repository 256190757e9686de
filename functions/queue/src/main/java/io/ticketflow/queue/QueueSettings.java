package io.ticketflow.queue;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.kernel.function.Settings;
import io.ticketflow.queue.domain.CounterShards;
import io.ticketflow.queue.domain.EnterRules;
import io.ticketflow.queue.domain.QueuePolicy;
import java.time.Duration;
import java.util.function.Function;

/** The queue's pace, from configuration (environment variables on Lambda, system properties locally). */
public final class QueueSettings {

    public static final String BATCH_SIZE = "QUEUE_ACTIVATION_BATCH_SIZE";
    public static final String MAX_ACTIVE = "QUEUE_MAX_ACTIVE";
    public static final String ACTIVE_WINDOW_SECONDS = "QUEUE_ACTIVE_WINDOW_SECONDS";
    /** How many counter items a newly opened queue spreads its enters over; an open queue keeps its own. */
    public static final String COUNTER_SHARDS = "QUEUE_COUNTER_SHARDS";
    /** A WAITING token whose user has not polled for this long is passed over by the activation (default 120). */
    public static final String ABANDON_AFTER_SECONDS = "QUEUE_ABANDON_AFTER_SECONDS";
    /** How long a passed-over token keeps its place for its user to come back (default 300). */
    public static final String ABANDON_GRACE_SECONDS = "QUEUE_ABANDON_GRACE_SECONDS";
    /** Proof-of-work bits an enter needs (default 16, about 100 ms in a browser). */
    public static final String WORK_DIFFICULTY = "QUEUE_WORK_DIFFICULTY";
    /** Enters per minute per user and per source address. */
    public static final String ENTER_LIMIT_PER_USER = "QUEUE_ENTER_LIMIT_PER_USER";
    public static final String ENTER_LIMIT_PER_ADDRESS = "QUEUE_ENTER_LIMIT_PER_ADDRESS";

    private QueueSettings() {
    }

    /** The tick interval is the activation schedule's rate in the catalogue, the one the deployment uses. */
    public static QueuePolicy policy(Function<String, String> properties) {
        Settings settings = new Settings(properties);
        return new QueuePolicy(
                settings.intOf(BATCH_SIZE, QueuePolicy.DEFAULT_BATCH_SIZE),
                settings.intOf(MAX_ACTIVE, QueuePolicy.DEFAULT_MAX_ACTIVE),
                settings.seconds(ACTIVE_WINDOW_SECONDS, QueuePolicy.DEFAULT_ACTIVE_WINDOW),
                Duration.ofSeconds(activationRateSeconds()),
                Duration.ofSeconds(settings.intOf(ABANDON_AFTER_SECONDS, (int) QueuePolicy.DEFAULT_ABANDON_AFTER.toSeconds(), 1)),
                settings.seconds(ABANDON_GRACE_SECONDS, QueuePolicy.DEFAULT_ABANDON_GRACE));
    }

    public static EnterRules enterRules(Function<String, String> properties) {
        Settings settings = new Settings(properties);
        int difficulty = settings.intOf(WORK_DIFFICULTY, EnterRules.DEFAULT_WORK_DIFFICULTY, 0);
        if (difficulty > 32) {
            throw new IllegalArgumentException(WORK_DIFFICULTY + " must be at most 32, was " + difficulty);
        }
        return new EnterRules(difficulty,
                settings.intOf(ENTER_LIMIT_PER_USER, EnterRules.DEFAULT_PER_USER, 1),
                settings.intOf(ENTER_LIMIT_PER_ADDRESS, EnterRules.DEFAULT_PER_SOURCE_ADDRESS, 1));
    }

    public static CounterShards counterShards(Function<String, String> properties) {
        return new CounterShards(new Settings(properties).intOf(COUNTER_SHARDS, CounterShards.DEFAULT_COUNT));
    }

    static int activationRateSeconds() {
        return Catalogue.scheduleRateSeconds(QueueResources.ACTIVATION_SCHEDULE);
    }
}
