package io.ticketflow.kernel.problem;

import java.net.URI;
import java.util.Objects;

/**
 * A stable kind of error the API reports (RFC 9457): clients branch on {@link #uri()}, never on the detail text.
 *
 * @param slug   last path segment of the type URI, e.g. {@code seat-unavailable}
 * @param title  short, human-readable summary that is the same for every occurrence
 * @param status the HTTP status this kind of error is answered with
 */
public record ProblemType(String slug, String title, int status) {

    private static final String BASE = "https://ticketflow.dev/problems/";

    public ProblemType {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("problem slug must be lower-case kebab-case: " + slug);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem must have an error status, was " + status);
        }
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }
}
