package io.ticketflow.queue.function;

import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.work.ProofOfWork;

/**
 * An enter as it arrives over HTTP: the command, with what the gate in front of it checks.
 *
 * @param work     the {@code X-Queue-Work} header, null when absent
 * @param sourceIp the caller's address as the gateway saw it; null when unknown
 */
public record GuardedEnter(EnterQueue enter, String work, String sourceIp) {

    /** {@code POST /concerts/{concertId}/queue-tokens}, authenticated. */
    public static GuardedEnter from(HttpRequest request) {
        return new GuardedEnter(EnterQueue.from(request), request.header(ProofOfWork.HEADER).orElse(null),
                request.sourceIp());
    }
}
