package io.ticketflow.kernel.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.ticketflow.kernel.aws.AwsRequestErrors;
import io.ticketflow.kernel.http.Caller;
import io.ticketflow.kernel.http.HttpEndpoint;
import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.observe.Correlation;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemType;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place where an API Gateway HTTP API (payload format 2.0) meets a domain action: event →
 * {@link HttpRequest}, action result → JSON response, any failure → {@code application/problem+json}.
 * Another cloud would need only another adapter of {@link HttpEndpoint}.
 */
public final class ApiGatewayHttp<I, O> implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger log = LoggerFactory.getLogger(ApiGatewayHttp.class);
    private static final String CONTENT_TYPE = "content-type";
    private static final String RETRY_AFTER = "retry-after";
    private static final int CORRELATION_BODY_LIMIT = 4096;

    private final HttpEndpoint<I, O> endpoint;
    private final JsonMapper json;

    public ApiGatewayHttp(HttpEndpoint<I, O> endpoint, JsonMapper json) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        String correlationId = correlationId(event);
        APIGatewayV2HTTPResponse response = Correlation.with(correlationId, () -> answer(event));
        // A hold creates its booking: its answer names it, and the access line joins the booking's lines.
        // Route and status only: paths, headers and bodies carry ids and tokens a log must not keep.
        Correlation.with(bookingOf(response).orElse(correlationId), () -> {
            log.info("{} answered {} in {} ms", event.getRouteKey(), response.getStatusCode(),
                    (System.nanoTime() - started) / 1_000_000);
            return null;
        });
        return response;
    }

    /**
     * The booking the request is about when it names one ({@code reservationId} in the path or the JSON body, as
     * {@code POST /payments} has it), so its lines join its saga's and consumers'; otherwise API Gateway's request id.
     */
    private String correlationId(APIGatewayV2HTTPEvent event) {
        Map<String, String> pathParameters = event.getPathParameters();
        String booking = pathParameters == null ? null : pathParameters.get("reservationId");
        if (booking != null && !booking.isBlank()) {
            return booking;
        }
        Optional<String> inBody = reservationIdIn(event.getIsBase64Encoded() ? null : event.getBody());
        if (inBody.isPresent()) {
            return inBody.get();
        }
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    /** The booking a 201 created (a hold); other answers, seat maps among them, are not read again. */
    private Optional<String> bookingOf(APIGatewayV2HTTPResponse response) {
        return response.getStatusCode() == 201 ? reservationIdIn(response.getBody()) : Optional.empty();
    }

    /** Only small bodies are looked into: a payment names its booking in a few bytes, a concert document is large. */
    private Optional<String> reservationIdIn(String body) {
        if (body == null || body.isBlank() || body.length() > CORRELATION_BODY_LIMIT || body.charAt(0) != '{') {
            return Optional.empty();
        }
        try {
            JsonNode id = json.readTree(body).path("reservationId");
            return id.isString() && !id.stringValue().isBlank() ? Optional.of(id.stringValue()) : Optional.empty();
        } catch (JacksonException notJson) {
            // only the log's correlation id depends on it; the endpoint itself answers the malformed body
            return Optional.empty();
        }
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        String route = event.getRouteKey();
        String path = event.getRawPath();
        try {
            return success(endpoint.handle(toRequest(event)));
        } catch (ProblemException problem) {
            log.debug("{} answered {}: {}", route, problem.type().status(), problem.detail());
            return problem(problem.type(), problem.detail(), path, problem.retryAfter());
        } catch (RuntimeException unexpected) {
            Optional<ProblemException> invalid = AwsRequestErrors.problemOf(unexpected);
            if (invalid.isPresent()) {
                log.info("{} answered 400: AWS refused a value of the request at {}", route, path, unexpected);
                return problem(invalid.get().type(), invalid.get().detail(), path, Optional.empty());
            }
            // The trace goes to the log only: it may name tables, classes or data the client must not see.
            log.error("{} failed unexpectedly at {}", route, path, unexpected);
            return problem(ProblemTypes.INTERNAL, "an unexpected error occurred; it has been logged", path, Optional.empty());
        }
    }

    /** The request as the domain sees it; public so the local runtime and tests read events the same way. */
    public static HttpRequest toRequest(APIGatewayV2HTTPEvent event) {
        return new HttpRequest(event.getRouteKey(), event.getRawPath(), event.getPathParameters(),
                event.getQueryStringParameters(), event.getHeaders(), body(event), caller(event), sourceIp(event));
    }

    private static String sourceIp(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() == null || event.getRequestContext().getHttp() == null) {
            return null;
        }
        return event.getRequestContext().getHttp().getSourceIp();
    }

    private APIGatewayV2HTTPResponse success(HttpEndpoint.Result<O> result) {
        Map<String, String> headers = new LinkedHashMap<>();
        result.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        if (result.bodyless()) {
            return response(result.status(), headers, "");
        }
        headers.put(CONTENT_TYPE, JSON);
        return response(result.status(), headers, json.writeValueAsString(result.body()));
    }

    private APIGatewayV2HTTPResponse problem(ProblemType type, String detail, String instance,
                                             Optional<Duration> retryAfter) {
        ObjectNode body = json.createObjectNode()
                .put("type", type.uri().toString())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CONTENT_TYPE, PROBLEM_JSON);
        // Retry-After takes whole seconds (RFC 9110): round up, so a client never asks again too early
        retryAfter.ifPresent(wait -> headers.put(RETRY_AFTER,
                Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
        return response(type.status(), headers, json.writeValueAsString(body));
    }

    private static APIGatewayV2HTTPResponse response(int status, Map<String, String> headers, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.copyOf(headers))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || !event.getIsBase64Encoded()) {
            return body;
        }
        try {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new ProblemException(ProblemTypes.MALFORMED_REQUEST, "the request body is not valid base64");
        }
    }

    private static Caller caller(APIGatewayV2HTTPEvent event) {
        // The HTTP API JWT authorizer has verified the token and passes its claims here; we only read them.
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return null;
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = context.getAuthorizer().getJwt();
        String subject = jwt.getClaims().get("sub");
        return subject == null || subject.isBlank() ? null : new Caller(subject, scopes(jwt));
    }

    /**
     * The token's scopes: the authorizer's {@code scopes} list where it fills one, else the space-separated
     * {@code scope} claim (RFC 8693; Cognito access tokens carry it so).
     */
    private static Set<String> scopes(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt) {
        Set<String> scopes = new HashSet<>();
        if (jwt.getScopes() != null) {
            scopes.addAll(jwt.getScopes());
        }
        String claim = jwt.getClaims().get("scope");
        if (claim != null && !claim.isBlank()) {
            scopes.addAll(List.of(claim.strip().split("\\s+")));
        }
        return scopes;
    }
}
