package io.ticketflow.kernel.http;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * How one domain action meets HTTP: a reader turns the request into the action's input, the action runs,
 * and its output becomes the JSON body. Immutable: {@link #status} and {@link #headers} return a new endpoint.
 *
 * <p>By default the status is 200, or 204 when the action returns null.
 *
 * @param <I> the action's input, e.g. an {@code EnterQueue} command
 * @param <O> the action's output, serialized as the response body
 */
public final class HttpEndpoint<I, O> {

    private final Function<HttpRequest, I> reader;
    private final Function<I, O> action;
    private final ToIntFunction<O> status;
    private final Function<O, Map<String, String>> headers;

    private HttpEndpoint(Function<HttpRequest, I> reader, Function<I, O> action, ToIntFunction<O> status,
                         Function<O, Map<String, String>> headers) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.action = Objects.requireNonNull(action, "action");
        this.status = Objects.requireNonNull(status, "status");
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    public static <I, O> HttpEndpoint<I, O> of(Function<HttpRequest, I> reader, Function<I, O> action) {
        return new HttpEndpoint<>(reader, action, output -> output == null ? 204 : 200, output -> Map.of());
    }

    /** The status of a successful response, e.g. {@code o -> 201}; 204 always answers with an empty body. */
    public HttpEndpoint<I, O> status(ToIntFunction<O> status) {
        return new HttpEndpoint<>(reader, action, status, headers);
    }

    /** Extra response headers, e.g. {@code o -> Map.of("location", "/reservations/" + o.id())}. */
    public HttpEndpoint<I, O> headers(Function<O, Map<String, String>> headers) {
        return new HttpEndpoint<>(reader, action, status, headers);
    }

    /**
     * Reads, acts and shapes the result. Exceptions from the reader or the action propagate: the cloud
     * adapter maps them to problems.
     */
    public Result<O> handle(HttpRequest request) {
        O output = action.apply(reader.apply(request));
        int statusCode = status.applyAsInt(output);
        Map<String, String> extraHeaders = headers.apply(output);
        return new Result<>(statusCode, extraHeaders == null ? Map.of() : extraHeaders, output);
    }

    /** A successful outcome before serialization. */
    public record Result<O>(int status, Map<String, String> headers, O body) {

        public Result {
            headers = Map.copyOf(headers);
        }

        /** True when the response must have no body (RFC 9110: 204 and 304 carry none). */
        public boolean bodyless() {
            return status == 204 || status == 304;
        }
    }
}
