package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.QueueResources;
import io.ticketflow.kernel.work.ProofOfWork;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The waiting room in real Chromium, with the line standing still (no activation tick runs during the test), so a
 * place in line can be checked exactly: a reload keeps it, and the page never asks more often than the server
 * advises. Also the first load's weight and time to interactive, the figures README reports.
 */
@ExtendWith({FanBrowser.Installed.class, MotoExtension.class})
class WaitingRoomBrowserIT {

    private static final String CONCERT = "concert-2";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalRuntime runtime;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = LocalRuntime.start(new LocalOptions(0, endpoint.uri(), endpoint.region(), "waiting-",
                ProjectRoot.find(), Map.of(QueueResources.ACTIVATION_SCHEDULE, 3600), Map.of(), true), Topology.catalogue());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void reloadInTheWaitingRoom_keepsThePlace_andPollsNeverComeSoonerThanAdvised() throws Exception {
        enter("gina");
        enter("hugo");
        try (FanBrowser ivan = FanBrowser.open(runtime.baseUri())) {
            ivan.signIn("ivan").joinLine(CONCERT);
            ivan.waitUntil(driver -> ivan.text(By.id("queue-live")).equals("You are number 3 in line"));
            assertThat(ivan.text(By.id("queue-ahead"))).isEqualTo("2 people ahead of you.");
            assertThat(ivan.text(By.id("queue-eta"))).isEqualTo("Estimated wait: about 10 seconds at the current pace.");
            assertThat(ivan.visible(By.id("queue-live")).getDomAttribute("aria-live")).isEqualTo("polite");
            String token = (String) ivan.script("return JSON.parse(localStorage.getItem('ticketflow.queue." + CONCERT + "'))");
            ivan.screenshot("waiting-room");

            ivan.driver.navigate().refresh();

            ivan.waitUntil(driver -> ivan.text(By.id("queue-live")).equals("You are number 3 in line"));
            assertThat(ivan.script("return JSON.parse(localStorage.getItem('ticketflow.queue." + CONCERT + "'))")).isEqualTo(token);
            long advisedSeconds = status("ivan", token).path("pollAfterSeconds").asLong();
            assertThat(advisedSeconds).isPositive();
            // the status reads after the reload: the first at once, then each no sooner than advised
            ivan.waitUntil(driver -> statusReadTimes(ivan).size() >= 3);
            List<Double> reads = statusReadTimes(ivan);
            for (int i = 1; i < reads.size(); i++) {
                assertThat(reads.get(i) - reads.get(i - 1)).as("gap before status read %d", i)
                        .isGreaterThanOrEqualTo(advisedSeconds * 1000.0);
            }
            assertThat(ivan.driver.findElements(By.cssSelector("[role=alert]")).stream().map(e -> e.getText().trim()))
                    .allMatch(String::isEmpty);
            double perMinute = 60_000.0 * (reads.size() - 1) / (reads.get(reads.size() - 1) - reads.get(0));
            System.out.printf("waiting fan: %d status reads, %.1f per minute (server advises one per %d s = %.1f per minute)%n",
                    reads.size(), perMinute, advisedSeconds, 60.0 / advisedSeconds);
        }
    }

    @Test
    void firstLoad_weighsUnder100KbGzipped() throws Exception {
        try (FanBrowser fan = FanBrowser.open(runtime.baseUri())) {
            fan.visible(By.id("user"));
            fan.waitUntil(driver -> (Boolean) fan.script("return performance.getEntriesByName('interactive').length > 0"));
            long transferred = ((Number) fan.script("""
                    return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                        .reduce((sum, entry) => sum + entry.transferSize, 0)""")).longValue();
            double interactiveMs = ((Number) fan.script("return performance.getEntriesByName('interactive')[0].startTime"))
                    .doubleValue();
            long requests = ((Number) fan.script("return 1 + performance.getEntriesByType('resource').length")).longValue();
            System.out.printf("first load: %d requests, %.1f KB transferred, interactive after %.0f ms%n",
                    requests, transferred / 1024.0, interactiveMs);
            assertThat(transferred).isPositive().isLessThan(100 * 1024);
            HttpResponse<byte[]> script = HTTP.send(HttpRequest.newBuilder(runtime.baseUri().resolve("/app.js"))
                    .header("accept-encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(script.headers().firstValue("content-encoding")).contains("gzip");
            assertThat(script.body().length).isLessThan((int) Files.size(ProjectRoot.find().resolve("web/app.js")) / 2);
            fan.screenshot("sign-in");
        }
    }

    /** When the page read its queue status, in ms since it loaded, from the browser's own resource timing. */
    @SuppressWarnings("unchecked")
    private static List<Double> statusReadTimes(FanBrowser fan) {
        return ((List<Number>) fan.script("""
                return performance.getEntriesByType('resource')
                    .filter(entry => new URL(entry.name).pathname.startsWith('/queue-tokens/'))
                    .map(entry => entry.startTime)""")).stream().map(Number::doubleValue).toList();
    }

    private static void enter(String user) throws Exception {
        HttpResponse<String> entered = HTTP.send(HttpRequest.newBuilder(runtime.baseUri().resolve("/concerts/" + CONCERT + "/queue-tokens"))
                .header("authorization", "Bearer " + runtime.devToken(user))
                .header(ProofOfWork.HEADER, ProofOfWork.solve(CONCERT, user, LocalRuntime.LOCAL_WORK_DIFFICULTY, Instant.now()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
    }

    private static JsonNode status(String user, String token) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUri() + "/queue-tokens/" + token))
                .header("authorization", "Bearer " + runtime.devToken(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Bookings.JSON.readTree(answer.body());
    }
}
