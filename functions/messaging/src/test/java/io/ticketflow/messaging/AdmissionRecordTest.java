package io.ticketflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.messaging.Admission.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdmissionRecordTest {

    private static final Instant UNTIL = Instant.parse("2026-11-25T18:05:00Z");

    @Test
    void activeToken_ofTheCaller_beforeActiveUntil_admits() {
        Admission admission = active().judge("u-1", "c-1", UNTIL.minusSeconds(1));

        assertThat(admission).isEqualTo(new Admission(Status.ACTIVE, UNTIL));
        assertThat(admission.admitted()).isTrue();
    }

    @Test
    void activeToken_atActiveUntil_isExpired_evenBeforeQueueExpiredArrives() {
        assertThat(active().judge("u-1", "c-1", UNTIL)).isEqualTo(new Admission(Status.EXPIRED, UNTIL));
    }

    @Test
    void tokenOfAnotherUser_isOtherUser_beforeItsStateIsRevealed() {
        AdmissionRecord expired = new AdmissionRecord("u-1", "c-1", AdmissionRecord.EXPIRED, UNTIL);

        assertThat(expired.judge("u-2", "c-1", UNTIL)).isEqualTo(new Admission(Status.OTHER_USER, null));
    }

    @Test
    void tokenForAnotherConcert_isOtherConcert() {
        assertThat(active().judge("u-1", "c-2", UNTIL.minusSeconds(1)).status()).isEqualTo(Status.OTHER_CONCERT);
    }

    @Test
    void expiredToken_isExpired_evenWithTimeLeftOnTheClock() {
        AdmissionRecord expired = new AdmissionRecord("u-1", "c-1", AdmissionRecord.EXPIRED, UNTIL);

        assertThat(expired.judge("u-1", "c-1", UNTIL.minusSeconds(60)).admitted()).isFalse();
        assertThat(expired.judge("u-1", "c-1", UNTIL.minusSeconds(60)).status()).isEqualTo(Status.EXPIRED);
    }

    @Test
    void tokenInAnyOtherState_orWithoutActiveUntil_isNotActive() {
        assertThat(new AdmissionRecord("u-1", "c-1", "WAITING", null).judge("u-1", "c-1", UNTIL).status())
                .isEqualTo(Status.NOT_ACTIVE);
        assertThat(new AdmissionRecord("u-1", "c-1", AdmissionRecord.ACTIVE, null).judge("u-1", "c-1", UNTIL).status())
                .isEqualTo(Status.NOT_ACTIVE);
    }

    private static AdmissionRecord active() {
        return new AdmissionRecord("u-1", "c-1", AdmissionRecord.ACTIVE, UNTIL);
    }
}
