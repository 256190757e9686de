package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Route;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code scripts/smoke}, what a deploy pipeline calls, books a seat through the local runtime's HTTP API. */
@ExtendWith(MotoExtension.class)
class SmokeScriptIT {

    private static LocalRuntime runtime;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = LocalRuntime.start(new LocalOptions(0, endpoint.uri(), endpoint.region(), "smoke-",
                ProjectRoot.find(), Map.of(LocalOptions.ALL_SCHEDULES, 1), Map.of(), true), Topology.catalogue());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void smokeAgainstTheLocalRuntime_printsEveryStep_andEndsConfirmed() throws IOException, InterruptedException {
        Process smoke = new ProcessBuilder(List.of("python3", ProjectRoot.find().resolve("scripts/smoke").toString(),
                "--target", runtime.baseUri().toString(), "--token", runtime.devToken("smoke-user"),
                "--wait-seconds", "60"))
                .redirectErrorStream(true).start();
        String output = new String(smoke.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(smoke.waitFor(3, TimeUnit.MINUTES)).isTrue();

        assertThat(smoke.exitValue()).as(output).isZero();
        assertThat(output).contains("queue: work to enter", "enter the queue", "queue status: ACTIVE",
                "open a top-up checkout", "pay at the provider", "hold the seat", "pay",
                "booking: CONFIRMED", "DeductPoints SUCCEEDED").containsPattern("smoke: booking \\S+ CONFIRMED");
    }

    @Test
    void smokeWithAnOperatorToken_creditsThePointsAsOnADeployedStage_andEndsConfirmed()
            throws IOException, InterruptedException {
        Process smoke = new ProcessBuilder(List.of("python3", ProjectRoot.find().resolve("scripts/smoke").toString(),
                "--target", runtime.baseUri().toString(), "--token", runtime.devToken("smoke-fan-2"),
                "--admin-token", runtime.devToken("smoke-operator", List.of(Route.ADMIN_SCOPE)), "--wait-seconds", "60"))
                .redirectErrorStream(true).start();
        String output = new String(smoke.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(smoke.waitFor(3, TimeUnit.MINUTES)).isTrue();

        assertThat(smoke.exitValue()).as(output).isZero();
        assertThat(output).contains("credit points (operator)", "POST /points/charges -> 200", "booking: CONFIRMED")
                .doesNotContain("open a top-up checkout");
    }

    @Test
    void smokeWithoutAUsableToken_failsAtTheFirstStepThatNeedsOne() throws IOException, InterruptedException {
        Process smoke = new ProcessBuilder(List.of("python3", ProjectRoot.find().resolve("scripts/smoke").toString(),
                "--target", runtime.baseUri().toString(), "--token", "not-a-jwt"))
                .redirectErrorStream(true).start();
        String output = new String(smoke.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(smoke.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(smoke.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("enter the queue").contains("-> 401").contains("smoke: FAILED");
    }
}
