package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.work.ProofOfWork;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What entering costs a client, over HTTP through the local runtime with the deployed difficulty (16 bits) and small
 * limits (3 enters a minute per user, 4 per address): no work or wrong work is refused with its own problem type
 * before anything is written, the right work passes, and too many enters get 429 with Retry-After.
 */
@ExtendWith(MotoExtension.class)
class QueueEnterCostIT {

    private static final int DIFFICULTY = 16;
    private static final String CONCERT = "cost-hall";
    private static LocalRuntime runtime;
    private static GateClient gate;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = GateClient.startRuntime(endpoint, "cost-", Map.of("QUEUE_WORK_DIFFICULTY", String.valueOf(DIFFICULTY),
                "QUEUE_ENTER_LIMIT_PER_USER", "3", "QUEUE_ENTER_LIMIT_PER_ADDRESS", "4"));
        gate = new GateClient(runtime);
        gate.open(CONCERT, null);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void enter_withoutWork_orWithWrongWork_isRefused_withTheWorkItPasses_andTooManyEntersAre429() throws Exception {
        // the limits count per calendar minute: start early in one so the counts below all fall in it
        int second = Instant.now().atZone(ZoneOffset.UTC).getSecond();
        if (second >= 45) {
            Thread.sleep((61 - second) * 1000L);
        }
        HttpResponse<String> none = gate.enter("bot", CONCERT, Map.of());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(GateClient.body(none).path("type").asString()).isEqualTo("https://ticketflow.dev/problems/proof-of-work-missing");

        String othersWork = ProofOfWork.solve(CONCERT, "someone-else", DIFFICULTY, Instant.now());
        HttpResponse<String> borrowed = gate.enter("bot", CONCERT, Map.of(ProofOfWork.HEADER, othersWork));
        assertThat(borrowed.statusCode()).isEqualTo(400);
        assertThat(GateClient.body(borrowed).path("type").asString()).isEqualTo("https://ticketflow.dev/problems/proof-of-work-invalid");

        String stale = ProofOfWork.solve(CONCERT, "bot", DIFFICULTY, Instant.now().minusSeconds(600));
        assertThat(gate.enter("bot", CONCERT, Map.of(ProofOfWork.HEADER, stale)).statusCode()).isEqualTo(400);
        assertThat(gate.nowServing(CONCERT, null).body()).as("nothing was written").contains("\"workDifficulty\":16");

        HttpResponse<String> solved = gate.enter("fan", CONCERT, Map.of(ProofOfWork.HEADER,
                ProofOfWork.solve(CONCERT, "fan", DIFFICULTY, Instant.now())));
        assertThat(solved.statusCode()).as(solved.body()).isEqualTo(201);

        for (int again = 2; again <= 3; again++) {
            assertThat(gate.enter("fan", CONCERT, work("fan")).statusCode()).as("entering again, try " + again).isEqualTo(200);
        }
        HttpResponse<String> fourth = gate.enter("fan", CONCERT, work("fan"));
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(GateClient.body(fourth).path("type").asString()).isEqualTo("https://ticketflow.dev/problems/enter-rate-limited");
        assertThat(Integer.parseInt(fourth.headers().firstValue("retry-after").orElseThrow())).isBetween(1, 60);

        // the fan's refused fourth try stopped at the user's limit: the address counts three so far
        HttpResponse<String> fourthFromTheAddress = gate.enter("another-fan", CONCERT, work("another-fan"));
        HttpResponse<String> fifthFromTheAddress = gate.enter("third-fan", CONCERT, work("third-fan"));
        assertThat(fourthFromTheAddress.statusCode()).as("the address's fourth enter").isEqualTo(201);
        assertThat(fifthFromTheAddress.statusCode()).as("one address, many accounts: limited all the same").isEqualTo(429);
    }

    private static Map<String, String> work(String userId) {
        return Map.of(ProofOfWork.HEADER, ProofOfWork.solve(CONCERT, userId, DIFFICULTY, Instant.now()));
    }
}
