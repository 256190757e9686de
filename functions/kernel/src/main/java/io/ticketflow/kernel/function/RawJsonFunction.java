package io.ticketflow.kernel.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * A Lambda function that reads the invocation's JSON and writes its answer's JSON itself.
 *
 * <p>Why: under {@code FunctionInvoker} (SCF 5.0.5) an {@link InputStream} input is handed over untouched
 * (no parse, no event logging, no copying of HTTP headers into message headers) and a {@code byte[]} output
 * comes back byte for byte, also for API Gateway events, which SCF would otherwise wrap into its own proxy
 * response with {@code id}/{@code timestamp}/{@code contentType} headers. {@code FunctionInvokerContractTest}
 * pins this.
 */
final class RawJsonFunction<E, R> implements Function<InputStream, byte[]> {

    private final EventReader<E> reader;
    private final Function<E, R> handler;
    private final Function<R, byte[]> writer;

    RawJsonFunction(EventReader<E> reader, Function<E, R> handler, Function<R, byte[]> writer) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public byte[] apply(InputStream invocation) {
        E event;
        try (invocation) {
            event = reader.read(invocation);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the invocation payload", e);
        }
        return writer.apply(handler.apply(event));
    }

    @FunctionalInterface
    interface EventReader<E> {
        E read(InputStream json) throws IOException;
    }
}
