package io.ticketflow.kernel.http;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a domain action's reader sees it, free of any cloud's event type.
 *
 * @param routeKey        e.g. {@code POST /queues/{concertId}/entries}
 * @param path            the raw request path, used as the problem {@code instance}
 * @param headers         names in lower case (HTTP names are case-insensitive; API Gateway v2 lower-cases them too)
 * @param body            the decoded body text, null when there is none
 * @param caller          null on routes without an authorizer
 * @param sourceIp        the address the request came from, as the gateway saw it; null when unknown
 */
public record HttpRequest(String routeKey, String path, Map<String, String> pathParameters,
                          Map<String, String> queryParameters, Map<String, String> headers, String body,
                          Caller caller, String sourceIp) {

    public HttpRequest {
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
        headers = lowerCaseNames(headers);
    }

    public HttpRequest(String routeKey, String path, Map<String, String> pathParameters,
                       Map<String, String> queryParameters, Map<String, String> headers, String body, Caller caller) {
        this(routeKey, path, pathParameters, queryParameters, headers, body, caller, null);
    }

    /** @throws ProblemException {@code invalid-request} when the parameter is missing or blank */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isBlank()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, "path parameter '" + name + "' is required");
        }
        return value;
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(queryParameters.get(name));
    }

    /** Looks the header up case-insensitively. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** @throws ProblemException {@code unauthenticated} when the route carried no verified identity */
    public Caller requireCaller() {
        if (caller == null) {
            throw new ProblemException(ProblemTypes.UNAUTHENTICATED, "a valid bearer token is required");
        }
        return caller;
    }

    /**
     * The caller, if their token grants {@code scope}. API Gateway checks the route's scopes too; checking here
     * as well keeps a function safe behind a route that was deployed without them.
     *
     * @throws ProblemException {@code unauthenticated} without a verified identity, {@code insufficient-scope}
     *                          when the token lacks the scope
     */
    public Caller requireScope(String scope) {
        Caller verified = requireCaller();
        if (!verified.hasScope(scope)) {
            throw new ProblemException(ProblemTypes.INSUFFICIENT_SCOPE,
                    "this operation needs a token with the scope '" + scope + "'");
        }
        return verified;
    }

    /** Names the request without header values or body: those carry bearer and queue tokens. */
    @Override
    public String toString() {
        return "HttpRequest[" + routeKey + " " + path + ", headers=" + headers.keySet()
                + ", caller=" + (caller == null ? "none" : caller.userId()) + "]";
    }

    private static Map<String, String> lowerCaseNames(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> lowerCased = new HashMap<>();
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                lowerCased.put(name.toLowerCase(Locale.ROOT), value);
            }
        });
        return Map.copyOf(lowerCased);
    }
}
