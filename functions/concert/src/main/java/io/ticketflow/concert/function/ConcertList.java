package io.ticketflow.concert.function;

import io.ticketflow.concert.domain.ConcertSummary;
import java.util.List;

public record ConcertList(List<ConcertSummary> concerts) {
}
