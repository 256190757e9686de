package io.ticketflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bench's smoke test: the status-poll figure end to end on moto, at a size that takes a second. */
@ExtendWith(MotoExtension.class)
class StatusReadsIT {

    @Test
    void statusPoll_shortAndLongerLoadedQueue_tableShowsTwoGetItemsForBoth(EmulatorEndpoint endpoint) throws Exception {
        Path work = Files.createTempDirectory("bench-it");
        BenchSetup setup = new BenchSetup(endpoint.uri(), endpoint.region(), ProjectRoot.find(), work, null);

        List<Table> tables = new StatusReads(List.of(10, 300)).run(setup);

        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).rows()).extracting(row -> row.get(0), row -> row.get(1), row -> row.get(3), row -> row.get(4))
                .containsExactly(
                        tuple("10", "2 GetItem", "1.00", "10"),
                        tuple("300", "2 GetItem", "1.00", "300"));
    }
}
