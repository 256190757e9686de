package io.ticketflow.kernel.http;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/** Reads request bodies; every failure becomes a {@code malformed-request} problem the client can act on. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * @throws ProblemException {@code malformed-request} when the body is missing, not JSON or not of the
     *                          expected shape; a {@link ProblemException} thrown while constructing the value
     *                          (a record validating itself) is passed through unchanged
     */
    public static <T> T read(HttpRequest request, Class<T> type, JsonMapper json) {
        String body = request.body();
        if (body == null || body.isBlank()) {
            throw new ProblemException(ProblemTypes.MALFORMED_REQUEST, "a JSON request body is required");
        }
        T value;
        try {
            value = json.readValue(body, type);
        } catch (StreamReadException e) {
            throw new ProblemException(ProblemTypes.MALFORMED_REQUEST, "the request body is not valid JSON");
        } catch (JacksonException e) {
            ProblemException fromConstructor = problemCause(e);
            if (fromConstructor != null) {
                throw fromConstructor;
            }
            // The path names the offending field; Jackson's message would expose our class names.
            String where = e.getPath().isEmpty() ? "" : " at '" + pointer(e) + "'";
            throw new ProblemException(ProblemTypes.MALFORMED_REQUEST,
                    "the request body does not have the expected shape" + where);
        }
        if (value == null) {
            throw new ProblemException(ProblemTypes.MALFORMED_REQUEST, "a JSON request body is required");
        }
        return value;
    }

    private static ProblemException problemCause(Throwable error) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
        }
        return null;
    }

    private static String pointer(JacksonException e) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            pointer.append('/').append(reference.getPropertyName() != null
                    ? reference.getPropertyName() : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }
}
