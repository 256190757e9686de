package io.ticketflow.kernel.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void solvedWork_checksOutForItsUserAndConcert_only() {
        String work = ProofOfWork.solve("concert-1", "alice", 12, NOW);

        assertThat(ProofOfWork.verify(work, "concert-1", "alice", 12, NOW)).isEqualTo(ProofOfWork.Verdict.VALID);
        assertThat(ProofOfWork.verify(work, "concert-1", "bob", 12, NOW)).isEqualTo(ProofOfWork.Verdict.INSUFFICIENT);
        assertThat(ProofOfWork.verify(work, "concert-2", "alice", 12, NOW)).isEqualTo(ProofOfWork.Verdict.INSUFFICIENT);
    }

    @Test
    void work_goesStaleAfterFiveMinutes_andCannotBeDatedAhead() {
        String work = ProofOfWork.solve("concert-1", "alice", 4, NOW);
        String ahead = ProofOfWork.solve("concert-1", "alice", 4, NOW.plusSeconds(120));

        assertThat(ProofOfWork.verify(work, "concert-1", "alice", 4, NOW.plusSeconds(299))).isEqualTo(ProofOfWork.Verdict.VALID);
        assertThat(ProofOfWork.verify(work, "concert-1", "alice", 4, NOW.plusSeconds(301))).isEqualTo(ProofOfWork.Verdict.STALE);
        assertThat(ProofOfWork.verify(ahead, "concert-1", "alice", 4, NOW)).isEqualTo(ProofOfWork.Verdict.STALE);
    }

    @Test
    void missingOrMalformedWork_isToldApart() {
        assertThat(ProofOfWork.verify(null, "c", "u", 8, NOW)).isEqualTo(ProofOfWork.Verdict.MISSING);
        assertThat(ProofOfWork.verify(" ", "c", "u", 8, NOW)).isEqualTo(ProofOfWork.Verdict.MISSING);
        for (String malformed : new String[] {"123", "123.", ".5", "abc.5", "123.-5", "123.5.6"}) {
            assertThat(ProofOfWork.verify(malformed, "c", "u", 8, NOW)).as(malformed).isEqualTo(ProofOfWork.Verdict.MALFORMED);
        }
    }

    @Test
    void leadingZeroBits_countsAcrossBytes() {
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {0, 0, (byte) 0x80})).isEqualTo(16);
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {0, 0x01})).isEqualTo(15);
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {(byte) 0xff})).isZero();
    }
}
