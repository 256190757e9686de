package io.ticketflow.concert.function;

import io.ticketflow.kernel.http.HttpRequest;

/** The concert listing takes no parameters. */
public record ListConcerts() {

    public static ListConcerts from(HttpRequest request) {
        return new ListConcerts();
    }
}
