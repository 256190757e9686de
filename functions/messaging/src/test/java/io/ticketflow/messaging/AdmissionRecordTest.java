package io.ticketflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.admission.AdmissionPass;
import io.ticketflow.kernel.admission.PassRefusal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdmissionRecordTest {

    private static final Instant UNTIL = Instant.parse("2026-11-25T18:05:00Z");

    @Test
    void expiry_revokesThePassOfTheActivationBeforeIt() {
        assertThat(new AdmissionRecord(AdmissionRecord.EXPIRED, 3).refusalOf(pass(2))).contains(PassRefusal.REVOKED);
    }

    @Test
    void restore_sendsThePassOfTheActivationBeforeItBackToWaiting() {
        assertThat(new AdmissionRecord(AdmissionRecord.WAITING, 3).refusalOf(pass(2))).contains(PassRefusal.TOKEN_WAITING);
    }

    @Test
    void revocation_neverReachesAPassOfALaterActivation() {
        // restored at version 3, activated again at 4: the new pass admits while QUEUE_ACTIVATED is not even needed
        assertThat(new AdmissionRecord(AdmissionRecord.WAITING, 3).refusalOf(pass(4))).isEmpty();
        assertThat(new AdmissionRecord(AdmissionRecord.EXPIRED, 2).refusalOf(pass(2))).isEmpty();
    }

    private static AdmissionPass pass(long activation) {
        return new AdmissionPass("u-1", "c-1", "qt-1", activation, UNTIL);
    }
}
