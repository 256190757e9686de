package io.ticketflow.concert.function;

import io.ticketflow.kernel.http.HttpRequest;

public record ScheduleQuery(String concertId) {

    public static ScheduleQuery from(HttpRequest request) {
        return new ScheduleQuery(request.pathParameter("concertId"));
    }
}
