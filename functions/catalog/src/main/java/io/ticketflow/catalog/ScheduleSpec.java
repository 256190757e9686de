package io.ticketflow.catalog;

/** A function invoked on a fixed rate (EventBridge Scheduler on AWS, a timer locally). */
public record ScheduleSpec(String name, String function, int rateSeconds) {
}
