package io.ticketflow.point.domain;

/** Other writers kept moving the account on; the caller may try again shortly. Nothing was written. */
public final class AccountBusy extends RuntimeException {

    public AccountBusy(String userId, int attempts) {
        super("account of " + userId + " changed under " + attempts + " attempts in a row");
    }
}
