package io.ticketflow.point.function;

import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import io.ticketflow.point.domain.LedgerPage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code GET /points/history?limit=&nextToken=}: a page of the caller's own ledger. The token only says where the
 * page starts; whose ledger is read is always the caller's, so a token cannot open anyone else's.
 *
 * @param after null for the newest page
 */
public record HistoryQuery(String userId, int limit, LedgerPage.Cursor after) {

    static final String LIMIT = "limit";
    static final String NEXT_TOKEN = "nextToken";
    /** Longer than any token this API answers: a version and an operation id of at most a few hundred characters. */
    static final int MAX_TOKEN_LENGTH = 512;

    public static HistoryQuery from(HttpRequest request) {
        String userId = request.requireCaller().userId();
        int limit = request.queryParameter(LIMIT).map(HistoryQuery::limit).orElse(LedgerPage.DEFAULT_LIMIT);
        LedgerPage.Cursor after = request.queryParameter(NEXT_TOKEN).map(HistoryQuery::decode).orElse(null);
        return new HistoryQuery(userId, limit, after);
    }

    /** The opaque token of {@code cursor}. */
    static String encode(LedgerPage.Cursor cursor) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((cursor.version() + ":" + cursor.operationId()).getBytes(StandardCharsets.UTF_8));
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= LedgerPage.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // refused below with the rule
        }
        throw new ProblemException(ProblemTypes.INVALID_REQUEST,
                LIMIT + " must be a whole number from 1 to " + LedgerPage.MAX_LIMIT);
    }

    private static LedgerPage.Cursor decode(String token) {
        try {
            if (token.length() <= MAX_TOKEN_LENGTH) {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int colon = text.indexOf(':');
                if (colon > 0) {
                    return new LedgerPage.Cursor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
                }
            }
        } catch (IllegalArgumentException notOurs) {
            // Base64, the number or the cursor itself refused it: told below, without echoing the token
        }
        throw new ProblemException(ProblemTypes.INVALID_REQUEST,
                NEXT_TOKEN + " is not one this API answered; start again without it");
    }
}
