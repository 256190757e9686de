package io.ticketflow.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One HTTP API route: API Gateway routes on method and path, so a function never re-checks them.
 *
 * @param path               API Gateway path template, e.g. {@code /queue-tokens/{token}}
 * @param function           the function bean that serves it
 * @param authenticated      whether the JWT authorizer guards it
 * @param authorizationScopes scopes the token must carry, any one of them (API Gateway's
 *                           {@code AuthorizationScopes}); empty when any verified caller may call it
 */
public record Route(HttpMethod method, String path, String function, boolean authenticated,
                   List<String> authorizationScopes) {

    /** Marks the operator routes: the scope an operator's access token carries, as Cognito resource-server scopes read. */
    public static final String ADMIN_SCOPE = "ticketflow/admin";

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(function, "function");
        authorizationScopes = authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        if (!authenticated && !authorizationScopes.isEmpty()) {
            throw new IllegalArgumentException("scopes need the JWT authorizer: " + path);
        }
    }

    public Route(HttpMethod method, String path, String function, boolean authenticated) {
        this(method, path, function, authenticated, List.of());
    }

    /** An operator route: authenticated, and only for tokens carrying {@link #ADMIN_SCOPE}. */
    public static Route admin(HttpMethod method, String path, String function) {
        return new Route(method, path, function, true, List.of(ADMIN_SCOPE));
    }

    /** The API Gateway v2 route key, e.g. {@code GET /queue-tokens/{token}}. */
    public String routeKey() {
        return method + " " + path;
    }
}
