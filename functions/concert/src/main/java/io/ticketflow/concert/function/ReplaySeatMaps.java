package io.ticketflow.concert.function;

/** @param store false for a dry run that only reports what the replay would write */
public record ReplaySeatMaps(boolean store) {
}
