package io.ticketflow.point.function;

import io.ticketflow.catalog.Route;
import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.http.JsonBodies;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator credits a user's points directly (a goodwill credit, a correction): users buy points through a
 * top-up. {@code amount} is boxed so a missing one is told apart from zero.
 *
 * @param userId    the user credited
 * @param requestId the operator's idempotency key: the same id again charges nothing and answers the same
 */
public record ChargePoints(String userId, String requestId, Long amount) {

    /** The body of {@code POST /points/charges}. */
    record Body(String userId, String requestId, Long amount) {
    }

    /** The longest user id (a JWT {@code sub}) accepted. */
    static final int MAX_USER_ID_LENGTH = 128;

    /** {@code POST /points/charges}: operators only, as the other {@code ticketflow/admin} routes. */
    public static ChargePoints from(HttpRequest request, JsonMapper json) {
        request.requireScope(Route.ADMIN_SCOPE);
        Body body = JsonBodies.read(request, Body.class, json);
        if (body.userId() == null || body.userId().isBlank() || body.userId().length() > MAX_USER_ID_LENGTH) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST,
                    "userId is required: the user to credit, at most " + MAX_USER_ID_LENGTH + " characters");
        }
        return new ChargePoints(body.userId(), body.requestId(), body.amount());
    }
}
