package io.ticketflow.local;

import io.ticketflow.catalog.ScheduleSpec;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schedules (EventBridge Scheduler on AWS): invokes each scheduled function at its rate with a
 * scheduler-like event. A run that fails is logged and the next tick runs as planned.
 */
final class Schedules implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);

    private final ScheduledExecutorService timer;

    private Schedules(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** @param intervalSeconds the interval each schedule runs at locally (its rate, or an override) */
    static Schedules start(List<ScheduleSpec> schedules, ToIntFunction<ScheduleSpec> intervalSeconds,
                           LocalLambdas lambdas, JsonMapper json, Clock clock, String region) {
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(Math.max(1, schedules.size()),
                ApiGateway.daemonThreads("schedule"));
        for (ScheduleSpec schedule : schedules) {
            int seconds = intervalSeconds.applyAsInt(schedule);
            timer.scheduleWithFixedDelay(() -> tick(schedule, lambdas, json, clock, region), seconds, seconds,
                    TimeUnit.SECONDS);
        }
        return new Schedules(timer);
    }

    private static void tick(ScheduleSpec schedule, LocalLambdas lambdas, JsonMapper json, Clock clock, String region) {
        try {
            lambdas.invoke(schedule.function(), event(schedule, json, clock, region));
        } catch (RuntimeException e) {
            LOG.warn("schedule {} → {} failed: {}", schedule.name(), schedule.function(), e.toString());
        }
    }

    /** The shape of an EventBridge scheduled event; a function that wants none of it can ignore it. */
    static ObjectNode event(ScheduleSpec schedule, JsonMapper json, Clock clock, String region) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.scheduler");
        event.put("account", "000000000000");
        event.put("time", clock.instant().toString());
        event.put("region", region);
        event.putArray("resources").add("arn:aws:scheduler:" + region + ":000000000000:schedule/default/" + schedule.name());
        event.putObject("detail");
        return event;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
