package io.ticketflow.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeKeysTest {

    @Test
    void aSubEndingInTheSeparator_collidesWhenJoinedPlainly_butNotAsACompositeKey() {
        // the key the Payment service used to build: userId + "#" + idempotencyKey
        assertThat("a#" + "#" + "b").isEqualTo("a" + "#" + "#b");

        assertThat(CompositeKeys.of("a#", "b")).isNotEqualTo(CompositeKeys.of("a", "#b"));
    }

    @Test
    void distinctPartLists_neverShareAKey() {
        List<String> pieces = List.of("", "a", "#", "\\", "a#", "#b", "\\#", "a\\", "\\\\#");
        Map<String, List<String>> seen = new HashMap<>();
        for (String first : pieces) {
            for (String second : pieces) {
                List<String> parts = List.of(first, second);
                List<String> earlier = seen.putIfAbsent(CompositeKeys.of(first, second), parts);
                assertThat(earlier).as("key of %s", parts).isNull();
            }
        }
        assertThat(seen).hasSize(pieces.size() * pieces.size());
    }

    @Test
    void partsWithoutSeparatorOrEscape_joinAsBefore() {
        assertThat(CompositeKeys.of("alice", "pay-1")).isEqualTo("alice#pay-1");
    }
}
