package io.ticketflow.kernel.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void uri_isTheStableAbsoluteTypeOfTheProblem() {
        assertThat(ProblemTypes.MALFORMED_REQUEST.uri())
                .isEqualTo(URI.create("https://ticketflow.dev/problems/malformed-request"));
    }

    @Test
    void sharedTypes_haveTheAgreedStatuses() {
        assertThat(ProblemTypes.MALFORMED_REQUEST.status()).isEqualTo(400);
        assertThat(ProblemTypes.INVALID_REQUEST.status()).isEqualTo(400);
        assertThat(ProblemTypes.UNAUTHENTICATED.status()).isEqualTo(401);
        assertThat(ProblemTypes.FORBIDDEN.status()).isEqualTo(403);
        assertThat(ProblemTypes.NOT_FOUND.status()).isEqualTo(404);
        assertThat(ProblemTypes.CONFLICT.status()).isEqualTo(409);
        assertThat(ProblemTypes.INTERNAL.status()).isEqualTo(500);
    }

    @Test
    void slugThatIsNotKebabCase_isRejected() {
        assertThatThrownBy(() -> new ProblemType("Seat Unavailable", "Seat unavailable", 409))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonErrorStatus_isRejected() {
        assertThatThrownBy(() -> new ProblemType("fine", "Fine", 200)).isInstanceOf(IllegalArgumentException.class);
    }
}
