package io.ticketflow.point.function;

import io.ticketflow.kernel.http.HttpRequest;

/** The caller asks about their own account: nobody reads another user's points. */
public record AccountQuery(String userId) {

    /** {@code GET /points/balance}, authenticated. */
    public static AccountQuery from(HttpRequest request) {
        return new AccountQuery(request.requireCaller().userId());
    }
}
