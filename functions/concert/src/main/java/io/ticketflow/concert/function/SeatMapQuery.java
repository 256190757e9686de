package io.ticketflow.concert.function;

import io.ticketflow.kernel.http.HttpRequest;

public record SeatMapQuery(String scheduleId) {

    public static SeatMapQuery from(HttpRequest request) {
        return new SeatMapQuery(request.pathParameter("scheduleId"));
    }
}
