package io.ticketflow.kernel.http;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated user of a request: the {@code sub} claim of the bearer JWT the authorizer verified, and
 * the scopes the token grants (an operator's token carries {@code ticketflow/admin}).
 */
public record Caller(String userId, Set<String> scopes) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** A caller whose token grants no scopes: an ordinary user. */
    public Caller(String userId) {
        this(userId, Set.of());
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
