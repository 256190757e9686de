package io.ticketflow.point;

import static io.ticketflow.kernel.testing.LambdaInvocations.lambdaEnvironment;
import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.PointResources;
import io.ticketflow.kernel.testing.LambdaInvocations;
import io.ticketflow.point.domain.PointBook;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /points/history} in pages: bounded, newest first, each line once, an opaque token to the next page. */
@ExtendWith(MotoExtension.class)
class PointHistoryPagesIT {

    private static final LambdaInvocations LAMBDA = new LambdaInvocations();

    private static PointFixture fixture;
    private static PointBook book;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        fixture = PointFixture.withTables(endpoint.uri(), endpoint.region(), "pages-");
        book = fixture.book(Clock.systemUTC());
        lambdaEnvironment(PointFunctions.class, fixture.settings);
        PointFunctionsTest.PROVIDER_SETTINGS.forEach(System::setProperty);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void sevenLines_inPagesOfThree_comeNewestFirst_eachOnce_andTheLastPageHasNoToken() throws IOException {
        for (int n = 1; n <= 7; n++) {
            book.charge("user-pages", "req-" + n, n);
        }

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = LAMBDA.body(history("user-pages", token == null ? Map.of("limit", "3")
                    : Map.of("limit", "3", "nextToken", token)));
            assertThat(page.get("balance").longValue()).isEqualTo(28);
            page.get("entries").forEach(line -> seen.add(line.get("operationId").stringValue()));
            sizes.add(page.get("entries").size());
            token = page.has("nextToken") ? page.get("nextToken").stringValue() : null;
        } while (token != null && sizes.size() < 10);

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).containsExactly("req-7", "req-6", "req-5", "req-4", "req-3", "req-2", "req-1");
    }

    @Test
    void withoutALimit_aPageHoldsFifty() throws IOException {
        for (int n = 1; n <= 51; n++) {
            book.charge("user-fifty", "req-" + n, 1);
        }

        JsonNode page = LAMBDA.body(history("user-fifty", Map.of()));

        assertThat(page.get("entries")).hasSize(50);
        assertThat(page.get("entries").get(0).get("operationId").stringValue()).isEqualTo("req-51");
        assertThat(page.has("nextToken")).isTrue();
    }

    @Test
    void aLimitOutside1To100_orNotANumber_is400InvalidRequest() throws IOException {
        for (String limit : List.of("0", "101", "ten", "-1")) {
            assertProblem(history("user-limits", Map.of("limit", limit)), 400, "invalid-request");
        }
    }

    @Test
    void aTokenThisApiDidNotAnswer_is400InvalidRequest() throws IOException {
        for (String token : List.of("garbage!", "bm90LWEtY3Vyc29y", "MDpyZXEtMQ", "x".repeat(600))) {
            assertProblem(history("user-tokens", Map.of("nextToken", token)), 400, "invalid-request");
        }
    }

    @Test
    void anotherUsersToken_onlyEverReadsTheCallersOwnLedger() throws IOException {
        for (int n = 1; n <= 3; n++) {
            book.charge("user-owner", "req-" + n, 10);
        }
        book.charge("user-other", "mine", 5);
        String ownersToken = LAMBDA.body(history("user-owner", Map.of("limit", "1"))).get("nextToken").stringValue();

        JsonNode page = LAMBDA.body(history("user-other", Map.of("nextToken", ownersToken)));

        page.get("entries").forEach(line -> assertThat(line.get("operationId").stringValue()).isEqualTo("mine"));
    }

    private static JsonNode history(String userId, Map<String, String> query) throws IOException {
        ObjectNode event = LAMBDA.event("apigw-v2-point-history.json");
        ((ObjectNode) event.get("requestContext").get("authorizer").get("jwt").get("claims")).put("sub", userId);
        ObjectNode parameters = event.putObject("queryStringParameters");
        query.forEach(parameters::put);
        return LAMBDA.invoke(PointResources.POINT_HISTORY, fixture.json.writeValueAsBytes(event));
    }
}
