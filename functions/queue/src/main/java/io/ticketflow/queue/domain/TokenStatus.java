package io.ticketflow.queue.domain;

/** Life of a queue token: waiting in line, admitted for a window, then gone for good. */
public enum TokenStatus {
    WAITING,
    ACTIVE,
    EXPIRED
}
