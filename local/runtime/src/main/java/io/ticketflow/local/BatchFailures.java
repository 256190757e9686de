package io.ticketflow.local;

import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads a partial batch response, {@code {"batchItemFailures":[{"itemIdentifier":"..."}]}}. */
final class BatchFailures {

    private BatchFailures() {
    }

    /** The failed item identifiers; empty when the whole batch succeeded. */
    static Set<String> itemIdentifiers(JsonNode response) {
        Set<String> identifiers = new LinkedHashSet<>();
        if (response == null) {
            return identifiers;
        }
        for (JsonNode failure : response.path("batchItemFailures")) {
            JsonNode identifier = failure.path("itemIdentifier");
            // Lambda treats a failure without a usable identifier as a failure of the whole batch.
            identifiers.add(identifier.isString() ? identifier.asString() : "");
        }
        return identifiers;
    }
}
