package io.ticketflow.messaging;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.kernel.admission.AdmissionPass;
import io.ticketflow.kernel.admission.AdmissionPassVerifier;
import io.ticketflow.kernel.admission.PassRefusal;
import io.ticketflow.kernel.problem.ProblemException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Lets a reservation or payment call through on the queue's admission pass alone: the signature says the queue
 * made this user ACTIVE for this concert until the pass expires, so no event has to arrive first. The service's
 * own revocation view (fed by {@link AdmissionEventHandler}) can only refuse a pass earlier than its expiry —
 * when its token was expired, used up or put back in line — never admit one.
 */
public final class AdmissionGate {

    private final AdmissionPassVerifier passes;
    private final DynamoDbClient dynamoDb;
    private final String admissionTable;

    /** @param admissionTable physical name of the service's revocation view */
    public AdmissionGate(AdmissionPassVerifier passes, DynamoDbClient dynamoDb, String admissionTable) {
        this.passes = passes;
        this.dynamoDb = dynamoDb;
        this.admissionTable = admissionTable;
    }

    /**
     * @param compactPass the {@code X-Admission-Pass} header, null when absent
     * @return the pass, whose queue token the booking goes on with
     * @throws ProblemException a 403 whose type names the cause ({@link PassRefusal})
     */
    public AdmissionPass admit(String compactPass, String callerId, String concertId, Instant now) {
        AdmissionPass pass;
        try {
            pass = passes.read(compactPass);
        } catch (AdmissionPassVerifier.PassRefused refused) {
            throw refusal(refused.refusal());
        }
        Optional<PassRefusal> refusal = pass.refusalFor(callerId, concertId, now).or(() -> revocationOf(pass));
        if (refusal.isPresent()) {
            throw refusal(refusal.get());
        }
        return pass;
    }

    private Optional<PassRefusal> revocationOf(AdmissionPass pass) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                        .tableName(admissionTable)
                        .key(Map.of(Catalogue.ADMISSION_PARTITION_KEY, AttributeValue.fromS(pass.queueToken())))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : AdmissionItems.fromItem(item).refusalOf(pass);
    }

    private static ProblemException refusal(PassRefusal refusal) {
        return new ProblemException(refusal.problem(), refusal.detail());
    }
}
