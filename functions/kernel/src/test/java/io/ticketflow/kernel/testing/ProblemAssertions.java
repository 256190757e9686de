package io.ticketflow.kernel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.kernel.function.KernelBeans;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Assertions on the API Gateway proxy responses that carry an {@code application/problem+json} body. */
public final class ProblemAssertions {

    private static final JsonMapper JSON = KernelBeans.newJsonMapper();

    private ProblemAssertions() {
    }

    /** {@code response} is a problem of type {@code https://ticketflow.dev/problems/<slug>} with {@code status}. */
    public static void assertProblem(JsonNode response, int status, String slug) {
        assertThat(response.get("statusCode").intValue()).as(response.toString()).isEqualTo(status);
        assertThat(response.get("headers").get("content-type").stringValue()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.get("body").stringValue());
        assertThat(problem.get("type").stringValue()).isEqualTo("https://ticketflow.dev/problems/" + slug);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
    }
}
