package io.ticketflow.kernel;

import java.util.Objects;

/**
 * Keys made of several caller-supplied parts (a JWT {@code sub} and an Idempotency-Key, say). Joining them with a
 * bare separator is ambiguous as soon as a part may contain it: {@code "a#" + "#" + "b"} and
 * {@code "a" + "#" + "#b"} are the same key, so one user could meet another user's idempotent request. Each part is
 * escaped first, so two different lists of parts never give the same key; a part without {@code '#'} or
 * {@code '\'} is kept as it is, so keys written before stay readable.
 */
public final class CompositeKeys {

    static final char SEPARATOR = '#';
    static final char ESCAPE = '\\';

    private CompositeKeys() {
    }

    /** The unambiguous key of {@code parts}, in order. */
    public static String of(String... parts) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                key.append(SEPARATOR);
            }
            String part = Objects.requireNonNull(parts[i], "key part " + i);
            for (int c = 0; c < part.length(); c++) {
                char ch = part.charAt(c);
                if (ch == SEPARATOR || ch == ESCAPE) {
                    key.append(ESCAPE);
                }
                key.append(ch);
            }
        }
        return key.toString();
    }
}
