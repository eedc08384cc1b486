package dev.awsconnectors.connectors;

import dev.awsconnectors.api.PrincipalType;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The fields of a connector that only some principal types take, and which types take them: the one table the
 * validator, the REST API and the editor read. A field not listed here (name, description, account, principal
 * type, maximum duration, groups, system scope) applies to every type.
 *
 * <p>Each row follows the parameters of the type's STS call: GetFederationToken takes {@code Name}, {@code Policy},
 * {@code PolicyArns}, {@code DurationSeconds} and {@code Tags}; GetSessionToken only {@code DurationSeconds},
 * {@code SerialNumber} and {@code TokenCode}; AssumeRole takes {@code RoleArn}, {@code ExternalId}, the session
 * policies, MFA, {@code SourceIdentity} and {@code Tags}. The console federation endpoint refuses GetSessionToken
 * credentials, so an IAM User connector has no console destination.
 *
 * <p>What "a value" is: text that is not empty once surrounding white space is removed (a {@link Connector} keeps
 * blank text as absent), a list with at least one entry, and a check box that is ticked. So an empty or blank field,
 * an empty list, {@code null} and {@code false} are no value and never refused.
 */
public enum TypedField {
    ROLE_ARN("roleArn", c -> c.roleArn().isPresent(), PrincipalType.IAM_ROLE),
    EXTERNAL_ID("externalId", c -> c.externalId().isPresent(), PrincipalType.IAM_ROLE),
    POLICY("policy", c -> c.policy().isPresent(), PrincipalType.FEDERATED_USER, PrincipalType.IAM_ROLE),
    POLICY_ARNS("policyArns", c -> !c.policyArns().isEmpty(), PrincipalType.FEDERATED_USER, PrincipalType.IAM_ROLE),
    MFA_SERIAL_NUMBER("mfaSerialNumber", c -> c.mfaSerialNumber().isPresent(),
            PrincipalType.IAM_USER, PrincipalType.IAM_ROLE),
    SOURCE_IDENTITY_AND_TAGS("sourceIdentityAndTags", Connector::sourceIdentityAndTags, PrincipalType.IAM_ROLE),
    CONSOLE_DESTINATION("consoleDestination", c -> c.consoleDestination().isPresent(),
            PrincipalType.FEDERATED_USER, PrincipalType.IAM_ROLE);

    private final String fieldName;
    private final Predicate<Connector> hasValue;
    private final Set<PrincipalType> types;

    TypedField(String fieldName, Predicate<Connector> hasValue, PrincipalType first, PrincipalType... rest) {
        this.fieldName = fieldName;
        this.hasValue = hasValue;
        this.types = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /** The field's name in REST bodies and forms, which is also the field the validator reports. */
    public String fieldName() {
        return fieldName;
    }

    /** The principal types that take the field, in the enum's order. */
    public Set<PrincipalType> types() {
        return types;
    }

    /** Whether a connector of this type takes the field; with no type chosen yet, every field is open. */
    public boolean takenBy(PrincipalType type) {
        return type == null || types.contains(type);
    }

    /** Whether the connector has a value in this field. */
    public boolean hasValue(Connector connector) {
        return hasValue.test(connector);
    }

    /** The typed field of this name, if it is one. */
    public static Optional<TypedField> named(String fieldName) {
        return Arrays.stream(values()).filter(f -> f.fieldName.equals(fieldName)).findFirst();
    }
}
