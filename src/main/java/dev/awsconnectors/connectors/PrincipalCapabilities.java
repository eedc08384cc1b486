package dev.awsconnectors.connectors;

import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.PrincipalType;

import java.util.OptionalInt;

/**
 * What each principal type can do, after its STS call: the call, whether it needs an IAM user's long-term keys, how
 * long its credentials may last and whether it signs in to the console. The one table the validator, the broker and
 * the pages ask; which fields a type takes is {@link TypedField}'s table, and the answers here that depend on a field come from it.
 *
 * <p>The durations are those of the STS API reference ({@code DurationSeconds} of each call):
 * <ul>
 *   <li>GetFederationToken: 900 s to 129,600 s (36 hours), 43,200 s (12 hours) when none is sent;</li>
 *   <li>GetSessionToken: 900 s to 129,600 s, 43,200 s when none is sent;</li>
 *   <li>AssumeRole: 900 s to the role's MaxSessionDuration, which is at most 43,200 s (12 hours) and only AWS
 *       knows; 3,600 s when none is sent; and when the caller's own credentials are a role session (role chaining),
 *       AWS refuses more than 3,600 s.</li>
 * </ul>
 * With the root user's keys both GetFederationToken and GetSessionToken give at most one hour, but AWS shortens a
 * longer request to that hour instead of refusing it, so nothing here refuses it either.
 */
public enum PrincipalCapabilities {
    FEDERATED_USER(PrincipalType.FEDERATED_USER, "GetFederationToken", true, 129_600, 43_200),
    IAM_USER(PrincipalType.IAM_USER, "GetSessionToken", true, 129_600, 43_200),
    IAM_ROLE(PrincipalType.IAM_ROLE, "AssumeRole", false, 43_200, 3_600);

    /** Every call's DurationSeconds is at least 15 minutes. */
    public static final int MINIMUM_SECONDS = 900;
    /** A role assumed with role credentials gets at most an hour. */
    public static final int ROLE_CHAINING_MAXIMUM_SECONDS = 3_600;

    private final PrincipalType type;
    private final String stsCall;
    private final boolean needsLongTermKeys;
    private final int maximumSeconds;
    private final int defaultSeconds;

    PrincipalCapabilities(PrincipalType type, String stsCall, boolean needsLongTermKeys, int maximumSeconds,
                          int defaultSeconds) {
        this.type = type;
        this.stsCall = stsCall;
        this.needsLongTermKeys = needsLongTermKeys;
        this.maximumSeconds = maximumSeconds;
        this.defaultSeconds = defaultSeconds;
    }

    /** The capabilities of a principal type. */
    public static PrincipalCapabilities of(PrincipalType type) {
        return switch (type) {
            case FEDERATED_USER -> FEDERATED_USER;
            case IAM_USER -> IAM_USER;
            case IAM_ROLE -> IAM_ROLE;
        };
    }

    /** The name of the STS call that issues the type's credentials, as AWS's documentation and errors give it. */
    public String stsCall() {
        return stsCall;
    }

    /**
     * The name of the STS call made for the type on an account of {@code accountType}: an IAM Role connector on a
     * keyless account calls AssumeRoleWithWebIdentity; everything else {@link #stsCall()}.
     */
    public String stsCall(AccountType accountType) {
        return type == PrincipalType.IAM_ROLE && accountType == AccountType.WEB_IDENTITY
                ? "AssumeRoleWithWebIdentity" : stsCall;
    }

    /**
     * Whether AWS takes the call only with an IAM user's long-term access keys (GetFederationToken and
     * GetSessionToken do), so that an account using the host's role cannot make it.
     */
    public boolean needsLongTermKeys() {
        return needsLongTermKeys;
    }

    /** The shortest credentials AWS issues: {@value #MINIMUM_SECONDS} seconds. */
    public int minimumSeconds() {
        return MINIMUM_SECONDS;
    }

    /** The longest credentials AWS issues for the type's call. */
    public int maximumSeconds() {
        return maximumSeconds;
    }

    /** How long the credentials last when no DurationSeconds is sent. */
    public int defaultSeconds() {
        return defaultSeconds;
    }

    /**
     * The lower maximum of role chaining, when it applies: for a role assumed with credentials that are themselves
     * a role session (as the host's role is).
     *
     * @param callerIsRoleSession whether the account's own credentials are a role session
     */
    public OptionalInt roleChainingMaximumSeconds(boolean callerIsRoleSession) {
        return callerIsRoleSession && type == PrincipalType.IAM_ROLE
                ? OptionalInt.of(ROLE_CHAINING_MAXIMUM_SECONDS) : OptionalInt.empty();
    }

    /** Whether the type's credentials can sign in to the console: whether it takes a console destination. */
    public boolean signsInToTheConsole() {
        return TypedField.CONSOLE_DESTINATION.takenBy(type);
    }
}
