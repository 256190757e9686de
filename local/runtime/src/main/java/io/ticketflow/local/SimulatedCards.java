package io.ticketflow.local;

import io.ticketflow.kernel.Ids;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated provider's card API (under {@code /dev/provider/cards}), answering by deterministic test tokens:
 * <ul>
 *   <li>{@value #APPROVE} — authorised, captured, voided and refunded as asked;</li>
 *   <li>{@value #DECLINE} — the authorisation is refused (402);</li>
 *   <li>{@value #TIMEOUT} — the authorisation lands, but its answer comes later than any client waits, every time;</li>
 *   <li>{@value #REFUND_FAILS} — like {@value #APPROVE}, but every refund fails (502);</li>
 *   <li>{@value #CAPTURE_FAILS} — authorised, but the capture is refused (402), as when the issuer withdraws it.</li>
 * </ul>
 * An authorisation is known by the idempotency key it was made under; a repeated call finds what the first did. {@code
 * GET /dev/provider/cards/{reference}} shows what a reservation's card was charged and refunded, for tests and the
 * README's walk-through. Cards live in memory, like the checkouts.
 */
final class SimulatedCards {

    static final String APPROVE = "tok_approve";
    static final String DECLINE = "tok_decline";
    static final String TIMEOUT = "tok_timeout";
    static final String REFUND_FAILS = "tok_refund_fails";
    static final String CAPTURE_FAILS = "tok_capture_fails";
    private static final Set<String> AUTHORISING_TOKENS = Set.of(APPROVE, TIMEOUT, REFUND_FAILS, CAPTURE_FAILS);
    /** Every test card, in the order the start-up banner lists them. */
    static final List<String> TEST_CARDS = List.of(APPROVE, DECLINE, TIMEOUT, REFUND_FAILS, CAPTURE_FAILS);
    static final String PATH = SimulatedPaymentProvider.PATH + "/cards";
    /** Longer than the Payment service's card adapter waits (2 s). */
    static final Duration LATE = Duration.ofSeconds(3);

    private final JsonMapper json;
    private final Map<String, Card> byAuthorisationKey = new ConcurrentHashMap<>();

    private enum Status { AUTHORISED, CAPTURED, VOIDED, REFUNDED }

    private static final class Card {
        final String authorisationId = "auth_sim_" + Ids.newId().replace("-", "");
        final String reference;
        final String paymentMethod;
        final long amount;
        Status status = Status.AUTHORISED;
        String captureId;
        String voidId;
        String refundId;

        Card(String reference, String paymentMethod, long amount) {
            this.reference = reference;
            this.paymentMethod = paymentMethod;
            this.amount = amount;
        }
    }

    SimulatedCards(JsonMapper json) {
        this.json = json;
    }

    static boolean serves(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    SimulatedPaymentProvider.Answer handle(String method, String path, String idempotencyKey, byte[] body) {
        if (method.equals("GET") && path.startsWith(PATH + "/")) {
            return statement(path.substring(PATH.length() + 1));
        }
        if (!method.equals("POST")) {
            return message(405, "Method Not Allowed");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return message(400, "the Idempotency-Key header is required");
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException malformed) {
            return message(400, "body must be JSON");
        }
        return switch (path.substring(PATH.length())) {
            case "/authorisations" -> authorise(idempotencyKey, request);
            case "/captures" -> change(request, Status.AUTHORISED, Status.CAPTURED);
            case "/voids" -> change(request, Status.AUTHORISED, Status.VOIDED);
            case "/refunds" -> change(request, Status.CAPTURED, Status.REFUNDED);
            default -> message(404, "Not Found");
        };
    }

    private SimulatedPaymentProvider.Answer authorise(String key, JsonNode request) {
        String token = request.path("paymentMethod").asString("");
        JsonNode amount = request.path("amount");
        String reference = request.path("reference").asString("");
        if (!amount.isIntegralNumber() || amount.longValue() < 1 || reference.isBlank()) {
            return message(400, "paymentMethod, amount (a positive integer) and reference are required");
        }
        if (!AUTHORISING_TOKENS.contains(token)) {
            return message(402, "card " + token + " declined");
        }
        Card card = byAuthorisationKey.computeIfAbsent(key, k -> new Card(reference, token, amount.longValue()));
        if (token.equals(TIMEOUT)) {
            sleep(LATE);
        }
        return new SimulatedPaymentProvider.Answer(201, view(card).put("authorisationId", card.authorisationId));
    }

    /** A repeat of a change that happened answers what it answered; a change from another status is refused. */
    private SimulatedPaymentProvider.Answer change(JsonNode request, Status from, Status to) {
        Card card = byAuthorisationKey.get(request.path("authorisationKey").asString(""));
        if (card == null) {
            return message(404, "no authorisation " + request.path("authorisationKey").asString(""));
        }
        synchronized (card) {
            if (to == Status.REFUNDED && card.paymentMethod.equals(REFUND_FAILS)) {
                return message(502, "the refund failed at the card network");
            }
            if (to == Status.CAPTURED && card.paymentMethod.equals(CAPTURE_FAILS)) {
                return message(402, "the issuer refused the capture");
            }
            if (card.status == from) {
                card.status = to;
                String id = to.name().toLowerCase() + "_sim_" + Ids.newId().replace("-", "");
                switch (to) {
                    case CAPTURED -> card.captureId = id;
                    case VOIDED -> card.voidId = id;
                    case REFUNDED -> card.refundId = id;
                    default -> throw new IllegalArgumentException(to.name());
                }
            }
            String id = switch (to) {
                case CAPTURED -> card.captureId;
                case VOIDED -> card.voidId;
                case REFUNDED -> card.refundId;
                default -> null;
            };
            if (id == null) {
                return message(to == Status.CAPTURED ? 402 : 409, "the authorisation is " + card.status);
            }
            String field = switch (to) {
                case CAPTURED -> "captureId";
                case VOIDED -> "voidId";
                default -> "refundId";
            };
            return new SimulatedPaymentProvider.Answer(200, view(card).put(field, id));
        }
    }

    /** What the card of a reservation was charged: {@code captured} minus {@code refunded} is what the user paid. */
    private SimulatedPaymentProvider.Answer statement(String reference) {
        long captured = 0;
        long refunded = 0;
        ObjectNode statement = json.createObjectNode().put("reference", reference);
        var cards = statement.putArray("authorisations");
        for (Card card : byAuthorisationKey.values()) {
            if (card.reference.equals(reference)) {
                cards.add(view(card));
                captured += card.captureId == null ? 0 : card.amount;
                refunded += card.refundId == null ? 0 : card.amount;
            }
        }
        statement.put("captured", captured).put("refunded", refunded);
        return new SimulatedPaymentProvider.Answer(200, statement);
    }

    private ObjectNode view(Card card) {
        return json.createObjectNode().put("reference", card.reference).put("paymentMethod", card.paymentMethod)
                .put("amount", card.amount).put("status", card.status.name());
    }

    private SimulatedPaymentProvider.Answer message(int status, String message) {
        return SimulatedPaymentProvider.Answer.message(json, status, message);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
