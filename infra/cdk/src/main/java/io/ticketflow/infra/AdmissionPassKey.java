package io.ticketflow.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * one name the other stacks can build without importing an export. Only the functions whose catalogue entry
 * declares it may sign, or read the public key ({@link FunctionGrants}).
 */
final class AdmissionPassKey {

    /** The kernel's {@code AdmissionKeys.KMS_KEY_ID}; without it a function of these services fails to start. */
    static final String KEY_ID_ENV = "TICKETFLOW_ADMISSION_KMS_KEY_ID";
    static final String ALIAS = "admission-pass";
    static final Service OWNER = Service.QUEUE;
    /** Their contexts build the pass signer or verifier at start-up, in every function, whatever its bean. */
    static final Set<Service> CONFIGURED = Set.of(Service.QUEUE, Service.RESERVATION, Service.PAYMENT);
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

    /** Lets a function that answers with passes sign them: with the key of its own stack, by ARN. */
    static void grantSign(String function, Role role, Optional<Key> ownKey) {
        ownKey.orElseThrow(() -> new IllegalStateException(function + " signs admission passes: it must be "
                        + "deployed in the " + OWNER.id() + " stack, which holds the key"))
                .grant(role, SIGN);
    }

    /**
     * Lets a function that checks passes read the public key. It is in another stack, so the grant names every key
     * of the account that carries the alias, which is that one key.
     */
    static void grantVerify(Role role, DeploymentSettings settings) {
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of(GET_PUBLIC_KEY))
                .resources(List.of(Arns.everyKmsKey(role)))
                .conditions(Map.of("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", aliasName(settings))))
                .build());
        Suppressions.forKeyFoundByAlias(role);
    }
}
