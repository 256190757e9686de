package io.ticketflow.catalog;

import java.util.Objects;

/**
 * One HTTP API route: API Gateway routes on method and path, so a function never re-checks them.
 *
 * @param path         API Gateway path template, e.g. {@code /queue-tokens/{token}}
 * @param function     the function bean that serves it
 * @param authenticated whether the JWT authorizer guards it
 */
public record Route(HttpMethod method, String path, String function, boolean authenticated) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(function, "function");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }

    /** The API Gateway v2 route key, e.g. {@code GET /queue-tokens/{token}}. */
    public String routeKey() {
        return method + " " + path;
    }
}
