package io.ticketflow.point.function;

import io.ticketflow.point.domain.LedgerEntry;

/** The answer to a charge, the same for every repetition of its request id: the balance right after it. */
public record ChargeReceipt(String userId, String requestId, long amount, long balance) {

    static ChargeReceipt of(LedgerEntry entry) {
        return new ChargeReceipt(entry.userId(), entry.operationId(), entry.amount(), entry.balanceAfter());
    }
}
