package io.ticketflow.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Assertions on problem+json responses. */
final class Problems {

    private Problems() {
    }

    static void assertProblem(ReservationFixture fixture, JsonNode response, int status, String slug) {
        assertThat(response.get("statusCode").intValue()).as(response.toString()).isEqualTo(status);
        assertThat(response.get("headers").get("content-type").stringValue()).isEqualTo("application/problem+json");
        JsonNode problem = fixture.body(response);
        assertThat(problem.get("type").stringValue()).isEqualTo("https://ticketflow.dev/problems/" + slug);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
    }
}
