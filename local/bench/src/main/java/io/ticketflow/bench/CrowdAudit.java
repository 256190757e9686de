package io.ticketflow.bench;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.local.CardInvariant;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.payment.domain.Payment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * The invariants of the booking, checked after the crowd has gone: through the API for what a fan owns (ledger,
 * balance, payment, booking), and by reading the Reservation tables as an auditor with table access would for what
 * no API lists (every reservation, every lock). Each check gives a line of the report; a broken one fails the bench.
 */
final class CrowdAudit {

    /** One invariant's verdict. */
    record Verdict(String invariant, boolean holds, String detail) {
    }

    /** The seat map must change at least this often while it does not match yet. */
    private static final Duration SEAT_MAP_STALL = Duration.ofSeconds(30);
    private static final Duration SEAT_MAP_LIMIT = Duration.ofMinutes(5);
    private static final int AUDITORS = 8;

    private final LocalRuntime runtime;
    private final CrowdClient client;
    private final String scheduleId;

    CrowdAudit(LocalRuntime runtime, CrowdClient client, String scheduleId) {
        this.runtime = runtime;
        this.client = client;
        this.scheduleId = scheduleId;
    }

    List<Verdict> check(List<CrowdFan.Outcome> outcomes) throws Exception {
        List<Verdict> verdicts = new ArrayList<>();
        Map<String, String> reservationStatus = reservationStatuses();
        verdicts.add(everyReservationTerminal(reservationStatus));
        Map<Integer, String> soldLocks = soldLocks();
        verdicts.add(noSeatSoldTwice(reservationStatus, soldLocks));
        verdicts.add(seatMapMatchesLocks(soldLocks));
        verdicts.addAll(ledgersAndPayments(outcomes, reservationStatus));
        return verdicts;
    }

    private Verdict everyReservationTerminal(Map<String, String> statusById) {
        Map<String, Integer> byStatus = new TreeMap<>();
        statusById.values().forEach(status -> byStatus.merge(status, 1, Integer::sum));
        Set<String> terminal = Set.of("CONFIRMED", "CANCELLED", "EXPIRED");
        boolean holds = byStatus.keySet().stream().allMatch(terminal::contains);
        return new Verdict("every reservation terminal", holds, statusById.size() + " reservations " + byStatus);
    }

    private Verdict noSeatSoldTwice(Map<String, String> statusById, Map<Integer, String> soldLocks) {
        Map<Integer, Integer> confirmedPerSeat = new HashMap<>();
        scan(ReservationResources.RESERVATIONS_TABLE).forEach(item -> {
            if (scheduleId.equals(text(item, "scheduleId")) && "CONFIRMED".equals(text(item, "status"))) {
                item.get("seats").l().forEach(seat -> confirmedPerSeat.merge(seatNo(seat), 1, Integer::sum));
            }
        });
        List<Integer> twice = confirmedPerSeat.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        boolean locksAgree = soldLocks.keySet().equals(confirmedPerSeat.keySet())
                && soldLocks.values().stream().allMatch(id -> "CONFIRMED".equals(statusById.get(id)));
        return new Verdict("no seat sold twice", twice.isEmpty() && locksAgree, confirmedPerSeat.size()
                + " seats in CONFIRMED reservations, " + soldLocks.size() + " SOLD locks"
                + (twice.isEmpty() ? "" : ", sold twice: " + twice) + (locksAgree ? ", locks agree" : ", locks DISAGREE"));
    }

    /**
     * The served seat map (cached for a second, fed by events) until it shows what the lock table says. The
     * projection may still be working through the crowd's events when the audit starts, so it is given time as long
     * as it makes progress; it fails when the map stops changing without matching, or after {@link #SEAT_MAP_LIMIT}.
     */
    private Verdict seatMapMatchesLocks(Map<Integer, String> soldLocks) {
        long start = System.nanoTime();
        long lastChange = start;
        String seen = "";
        while (true) {
            CrowdClient.Answer map = client.seatMap(scheduleId);
            Set<Integer> sold = new TreeSet<>();
            Set<Integer> held = new TreeSet<>();
            map.body().path("seats").forEach(seat -> {
                switch (seat.path("status").asString()) {
                    case "SOLD" -> sold.add(seat.path("seatNo").intValue());
                    case "HELD" -> held.add(seat.path("seatNo").intValue());
                    default -> { }
                }
            });
            boolean holds = map.is(200) && held.isEmpty() && sold.equals(soldLocks.keySet());
            String now = sold.size() + " SOLD, " + held.size() + " HELD in the seat map; " + soldLocks.size() + " SOLD locks";
            long at = System.nanoTime();
            if (!now.equals(seen)) {
                lastChange = at;
                seen = now;
            }
            double waited = (at - start) / 1e9;
            if (holds || at - lastChange > SEAT_MAP_STALL.toNanos() || at - start > SEAT_MAP_LIMIT.toNanos()) {
                return new Verdict("seat map = lock table", holds, String.format(java.util.Locale.ROOT,
                        holds ? "%s (the projection caught up %.0f s after the audit began)"
                                : "%s (still apart %.0f s after the audit began)", now, waited));
            }
            CrowdFan.pause(Duration.ofSeconds(1));
        }
    }

    /** Σ ledger = balance (never negative) for every fan who topped up; every deduction paid or refunded. */
    private List<Verdict> ledgersAndPayments(List<CrowdFan.Outcome> outcomes, Map<String, String> statusById) throws Exception {
        List<CrowdFan.Outcome> charged = outcomes.stream().filter(CrowdFan.Outcome::charged).toList();
        ExecutorService pool = Executors.newFixedThreadPool(AUDITORS);
        List<String> ledgerBreaks = new ArrayList<>();
        List<String> deductionBreaks = new ArrayList<>();
        List<String> cardBreaks = new ArrayList<>();
        int deductions = 0;
        try {
            List<Future<String[]>> checks = new ArrayList<>();
            for (CrowdFan.Outcome outcome : charged) {
                checks.add(pool.submit(() -> audit(outcome, statusById)));
            }
            for (Future<String[]> check : checks) {
                String[] result = check.get();
                if (result[0] != null) {
                    ledgerBreaks.add(result[0]);
                }
                if (result[1] != null) {
                    deductionBreaks.add(result[1]);
                }
                deductions += Integer.parseInt(result[2]);
                if (result[3] != null) {
                    cardBreaks.add(result[3]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return List.of(
                new Verdict("Σ ledger = balance ≥ 0 for every user", ledgerBreaks.isEmpty(),
                        charged.size() + " users" + (ledgerBreaks.isEmpty() ? "" : ", broken: " + first(ledgerBreaks))),
                new Verdict("every deduction paid or refunded", deductionBreaks.isEmpty(),
                        deductions + " deductions" + (deductionBreaks.isEmpty() ? "" : ", broken: " + first(deductionBreaks))),
                new Verdict("card captures - refunds = captured card parts of confirmed bookings", cardBreaks.isEmpty(),
                        charged.size() + " bookings" + (cardBreaks.isEmpty() ? "" : ", broken: " + first(cardBreaks))));
    }

    /** @return {ledger break or null, deduction break or null, number of deductions, card break or null} */
    private String[] audit(CrowdFan.Outcome outcome, Map<String, String> statusById) {
        String bearer = outcome.fan().bearer();
        CrowdClient.Answer history = client.history(bearer);
        long fold = 0;
        List<String> lines = new ArrayList<>();
        for (JsonNode line : history.body().path("entries")) {
            long amount = line.path("amount").longValue();
            String type = line.path("type").asString();
            fold += Set.of("DEDUCTED", "EARNING_REVERSED").contains(type) ? -amount : amount;
            // the points a card part earns are the earning's business, not the deduction's
            if (outcome.reservationId().equals(line.path("reservationId").asString(""))
                    && Set.of("DEDUCTED", "REFUNDED").contains(type)) {
                lines.add(type);
            }
        }
        long balance = history.body().path("balance").longValue();
        String ledgerBreak = history.is(200) && balance >= 0 && balance == fold ? null
                : outcome.fan().userId() + " balance " + balance + " vs ledger " + fold;
        CrowdClient.Answer payment = client.payment(bearer, Payment.idFor(outcome.reservationId()));
        String reservation = statusById.get(outcome.reservationId());
        String cardBreak = CardInvariant.broken(outcome.reservationId(), reservation, payment.body(),
                client.cardStatement(outcome.reservationId()).body()).orElse(null);
        if (!lines.contains("DEDUCTED")) {
            return new String[] {ledgerBreak, null, "0", cardBreak};
        }
        String paymentStatus = payment.body().path("status").asString();
        boolean paid = "CONFIRMED".equals(reservation) && "CAPTURED".equals(paymentStatus) && lines.equals(List.of("DEDUCTED"));
        boolean refunded = !"CONFIRMED".equals(reservation) && Set.of("CANCELLED", "REFUNDED").contains(paymentStatus)
                && new HashSet<>(lines).equals(Set.of("DEDUCTED", "REFUNDED")) && lines.size() == 2;
        String deductionBreak = paid || refunded ? null
                : outcome.reservationId() + ": reservation " + reservation + ", payment " + paymentStatus + ", ledger " + lines;
        return new String[] {ledgerBreak, deductionBreak, "1", cardBreak};
    }

    private Map<String, String> reservationStatuses() {
        Map<String, String> statusById = new HashMap<>();
        scan(ReservationResources.RESERVATIONS_TABLE).forEach(item -> {
            if (scheduleId.equals(text(item, "scheduleId"))) {
                statusById.put(text(item, "reservationId"), text(item, "status"));
            }
        });
        return statusById;
    }

    private Map<Integer, String> soldLocks() {
        Map<Integer, String> sold = new TreeMap<>();
        scan(ReservationResources.SEAT_LOCKS_TABLE).forEach(item -> {
            if (scheduleId.equals(text(item, "scheduleId")) && "SOLD".equals(text(item, "status"))) {
                sold.put(Integer.parseInt(item.get("seatNo").n()), text(item, "reservationId"));
            }
        });
        return sold;
    }

    private List<Map<String, AttributeValue>> scan(String logicalTable) {
        String table = runtime.settings().physicalName(logicalTable);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        runtime.clients().dynamoDb().scanPaginator(request -> request.tableName(table)).items().forEach(items::add);
        return items;
    }

    private static int seatNo(AttributeValue seat) {
        return seat.hasM() ? Integer.parseInt(seat.m().get("seatNo").n()) : Integer.parseInt(seat.n());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static String first(List<String> breaks) {
        return breaks.subList(0, Math.min(3, breaks.size())) + (breaks.size() > 3 ? " (+" + (breaks.size() - 3) + ")" : "");
    }
}
