package io.ticketflow.catalog;

/** The five services; each owns its tables and queues and is deployable alone. */
public enum Service {
    QUEUE("queue"),
    CONCERT("concert"),
    RESERVATION("reservation"),
    PAYMENT("payment"),
    POINT("point");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    /** Lower-case id used in resource names, module names and stack names. */
    public String id() {
        return id;
    }
}
