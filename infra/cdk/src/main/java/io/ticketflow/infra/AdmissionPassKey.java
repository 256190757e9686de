package io.ticketflow.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.ticketflow.catalog.PaymentResources;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.catalog.Service;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.kms.KeySpec;
import software.amazon.awscdk.services.kms.KeyUsage;
import software.constructs.Construct;

/**
 * The key that signs admission passes: a KMS asymmetric key (ECC_NIST_P256, signed with ECDSA_SHA_256) in the
 * Queue service's stack. Every function of the services that issue or check passes finds it by its alias, the
 * one name the other stacks can build without importing an export. Only the functions that answer with a pass
 * may sign, and only those that check one may read the public key.
 */
final class AdmissionPassKey {

    /** The kernel's {@code AdmissionKeys.KMS_KEY_ID}; without it a function of these services fails to start. */
    static final String KEY_ID_ENV = "TICKETFLOW_ADMISSION_KMS_KEY_ID";
    static final String ALIAS = "admission-pass";
    static final Service OWNER = Service.QUEUE;
    /** Their contexts build the pass signer or verifier at start-up, in every function, whatever its bean. */
    static final Set<Service> CONFIGURED = Set.of(Service.QUEUE, Service.RESERVATION, Service.PAYMENT);
    /** They answer an ACTIVE token with a fresh pass. */
    static final Set<String> SIGNERS = Set.of(QueueResources.ENTER_QUEUE, QueueResources.QUEUE_STATUS);
    /** The routes that admit a caller only on an X-Admission-Pass. */
    static final Set<String> VERIFIERS = Set.of(ReservationResources.HOLD_SEATS, ReservationResources.GET_RESERVATION,
            ReservationResources.CANCEL_RESERVATION, PaymentResources.PAY);
    static final String SIGN = "kms:Sign";
    static final String GET_PUBLIC_KEY = "kms:GetPublicKey";

    private AdmissionPassKey() {
    }

    /** {@code alias/ticketflow-<stage>-admission-pass}. */
    static String aliasName(DeploymentSettings settings) {
        return "alias/" + settings.physicalName(ALIAS);
    }

    static Key create(Construct scope, DeploymentSettings settings) {
        return Key.Builder.create(scope, ALIAS)
                .description("ticketflow " + settings.stage().id() + " admission passes (ES256): the queue signs "
                        + "them, reservation and payment check them with the public key")
                .keySpec(KeySpec.ECC_NIST_P256)
                .keyUsage(KeyUsage.SIGN_VERIFY)
                .alias(aliasName(settings))
                .removalPolicy(settings.stage().removalPolicy())
                .build();
    }

    /** The value of {@link #KEY_ID_ENV}: the alias ARN, which KMS takes wherever it takes a key ARN. */
    static String keyId(Construct scope, DeploymentSettings settings) {
        return Arns.kmsAlias(scope, aliasName(settings));
    }

    /**
     * Grants what the function does with passes, if anything. A signer gets the key of its own stack by ARN;
     * a verifier, in another stack, gets every key of the account that carries the alias, which is that one key.
     */
    static void grant(String function, Role role, Optional<Key> ownKey, DeploymentSettings settings) {
        if (SIGNERS.contains(function)) {
            ownKey.orElseThrow(() -> new IllegalStateException(function + " signs admission passes: it must be "
                            + "deployed in the " + OWNER.id() + " stack, which holds the key"))
                    .grant(role, SIGN);
        }
        if (VERIFIERS.contains(function)) {
            role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of(GET_PUBLIC_KEY))
                    .resources(List.of(Arns.everyKmsKey(role)))
                    .conditions(Map.of("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", aliasName(settings))))
                    .build());
            Suppressions.forKeyFoundByAlias(role);
        }
    }
}
