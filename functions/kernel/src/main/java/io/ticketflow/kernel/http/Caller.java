package io.ticketflow.kernel.http;

import java.util.Objects;

/** The authenticated user of a request: the {@code sub} claim of the bearer JWT the authorizer verified. */
public record Caller(String userId) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
    }
}
