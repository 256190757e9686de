package io.ticketflow.queue;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.catalog.ScheduleSpec;
import io.ticketflow.kernel.function.Settings;
import io.ticketflow.queue.domain.CounterShards;
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

    private QueueSettings() {
    }

    /** The tick interval is the activation schedule's rate in the catalogue, the one the deployment uses. */
    public static QueuePolicy policy(Function<String, String> properties) {
        Settings settings = new Settings(properties);
        return new QueuePolicy(
                settings.intOf(BATCH_SIZE, QueuePolicy.DEFAULT_BATCH_SIZE),
                settings.intOf(MAX_ACTIVE, QueuePolicy.DEFAULT_MAX_ACTIVE),
                settings.seconds(ACTIVE_WINDOW_SECONDS, QueuePolicy.DEFAULT_ACTIVE_WINDOW),
                Duration.ofSeconds(activationRateSeconds()));
    }

    public static CounterShards counterShards(Function<String, String> properties) {
        return new CounterShards(new Settings(properties).intOf(COUNTER_SHARDS, CounterShards.DEFAULT_COUNT));
    }

    static int activationRateSeconds() {
        return Catalogue.schedules().stream()
                .filter(schedule -> schedule.name().equals(QueueResources.ACTIVATION_SCHEDULE))
                .mapToInt(ScheduleSpec::rateSeconds)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the catalogue has no " + QueueResources.ACTIVATION_SCHEDULE + " schedule"));
    }
}
