package io.ticketflow.point.function;

/** The checks every point saga step's input shares. */
final class SagaStepInput {

    private SagaStepInput() {
    }

    static void requireIds(String step, String reservationId, String userId) {
        if (reservationId == null || reservationId.isBlank() || userId == null || userId.isBlank()) {
            throw new IllegalArgumentException(step + " needs reservationId and userId");
        }
    }

    /**
     * The operation id is derived from the reservation; one the saga sends must be that one, or the state machine
     * and the ledger would disagree on which operation a retry repeats.
     */
    static void requireOperation(String step, String operationId, String expected) {
        if (operationId != null && !operationId.equals(expected)) {
            throw new IllegalArgumentException(step + " for this reservation is operation " + expected
                    + ", was sent " + operationId);
        }
    }
}
