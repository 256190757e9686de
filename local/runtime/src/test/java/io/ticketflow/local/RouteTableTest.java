package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.HttpMethod;
import io.ticketflow.catalog.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            new Route(HttpMethod.GET, "/queue-tokens/{token}", "queueStatus", true),
            new Route(HttpMethod.GET, "/queue-tokens/mine", "myTokens", true),
            new Route(HttpMethod.POST, "/concerts/{concertId}/queue-tokens", "enterQueue", true),
            new Route(HttpMethod.GET, "/files/{path+}", "files", false)));

    @Test
    void templateSegment_bindsTheDecodedPathParameter() {
        RouteTable.Match match = table.match("POST", "/concerts/concert%201/queue-tokens").orElseThrow();

        assertThat(match.route().function()).isEqualTo("enterQueue");
        assertThat(match.pathParameters()).isEqualTo(Map.of("concertId", "concert 1"));
    }

    @Test
    void literalRoute_winsOverATemplateThatAlsoMatches() {
        assertThat(table.match("GET", "/queue-tokens/mine").orElseThrow().route().function()).isEqualTo("myTokens");
        assertThat(table.match("GET", "/queue-tokens/abc").orElseThrow().route().function()).isEqualTo("queueStatus");
    }

    @Test
    void greedyParameter_takesTheRestOfThePath() {
        RouteTable.Match match = table.match("GET", "/files/a/b/c.txt").orElseThrow();

        assertThat(match.pathParameters()).isEqualTo(Map.of("path", "a/b/c.txt"));
    }

    @Test
    void wrongMethod_extraSegment_orEmptySegment_matchNothing() {
        assertThat(table.match("DELETE", "/queue-tokens/abc")).isEmpty();
        assertThat(table.match("GET", "/queue-tokens/abc/extra")).isEmpty();
        assertThat(table.match("POST", "/concerts//queue-tokens")).isEmpty();
    }
}
