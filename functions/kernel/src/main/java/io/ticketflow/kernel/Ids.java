package io.ticketflow.kernel;

import java.util.UUID;

/**
 * New identifiers for aggregates, tokens and operations: random, so they reveal no order or count. And the rule for
 * the ids operators choose (concerts, schedules), the same wherever one arrives.
 */
public final class Ids {

    /** The longest id an operator may choose. */
    public static final int MAX_CHOSEN_LENGTH = 64;

    private Ids() {
    }

    /** A new random id, 36 characters (UUID v4 text form). */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Whether {@code id} is one an operator may choose: non-blank, at most 64 characters, no '#' (our keys' separator). */
    public static boolean isChosenId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_CHOSEN_LENGTH && id.indexOf('#') < 0;
    }

    /** What {@link #isChosenId} asks of the id named {@code name}, for a client to read. */
    public static String chosenIdRule(String name) {
        return name + " must be non-blank, at most " + MAX_CHOSEN_LENGTH + " characters and contain no '#'";
    }
}
