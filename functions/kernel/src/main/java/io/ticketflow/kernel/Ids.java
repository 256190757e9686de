package io.ticketflow.kernel;

import java.util.UUID;

/** New identifiers for aggregates, tokens and operations: random, so they reveal no order or count. */
public final class Ids {

    private Ids() {
    }

    /** A new random id, 36 characters (UUID v4 text form). */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
