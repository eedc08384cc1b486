package dev.awsconnectors.iam;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.iam.RotationReport.Outcome;
import dev.awsconnectors.iam.RotationReport.Step;
import dev.awsconnectors.persistence.AccountNotFoundException;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.sts.AwsFailures;
import dev.awsconnectors.sts.StsClients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The account screen's AWS actions: "Validate", "Rotate access key", and the role picker's list of roles. Each reads
 * the account as stored now and calls AWS with its stored credentials (see {@link StsClients} and
 * {@link IamClients}).
 *
 * <p>Failures of validate and roles are thrown as {@link AwsRequestFailedException}, with the admin-readable
 * message of {@link AwsFailures}. Key rotation never throws for an AWS failure: it returns a
 * {@link RotationReport} saying what happened at each step, and always leaves a working key stored.
 *
 * <p>Nothing here logs: a caller that writes the audit log (rotation is a change) takes the report.
 */
@Component
public class AccountChecks {

    /**
     * How long to wait for a new access key to work. AWS documents that IAM changes are eventually consistent and
     * a new key can be refused (InvalidClientTokenId) for some seconds after it was created, so the check is tried
     * {@code attempts} times, {@code pause} apart.
     */
    public record KeyPropagation(int attempts, Duration pause) {
        public KeyPropagation {
            Objects.requireNonNull(pause, "pause");
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
            if (pause.isNegative()) {
                throw new IllegalArgumentException("pause must not be negative");
            }
        }

        /** 6 attempts 2 s apart: up to 10 s of waiting. */
        public static KeyPropagation defaults() {
            return new KeyPropagation(6, Duration.ofSeconds(2));
        }
    }

    /** AWS error codes that mean "this key is not (yet) known", which is what a key not yet propagated gets. */
    private static final Set<String> NOT_YET_KNOWN = Set.of("InvalidClientTokenId", "SignatureDoesNotMatch",
            "InvalidAccessKeyId", "UnrecognizedClientException", "AuthFailure");
    /** At most this many pages of ListRoles (of 1,000 roles each; IAM's quota is 5,000 roles per account). */
    static final int MAX_ROLE_PAGES = 100;
    private static final String REDACTED = "[redacted]";
    private static final Pattern KEY_MATERIAL = Pattern.compile("[A-Za-z0-9/+=]{40,}");

    private final AccountRepository accounts;
    private final StsClients sts;
    private final IamClients iam;
    private final AwsFailures failures;
    private final KeyPropagation propagation;

    @Autowired
    public AccountChecks(AccountRepository accounts, StsClients sts, IamClients iam) {
        this(accounts, sts, iam, KeyPropagation.defaults());
    }

    public AccountChecks(AccountRepository accounts, StsClients sts, IamClients iam, KeyPropagation propagation) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sts = Objects.requireNonNull(sts, "sts");
        this.iam = Objects.requireNonNull(iam, "iam");
        this.propagation = Objects.requireNonNull(propagation, "propagation");
        this.failures = new AwsFailures(sts.settings());
    }

    /**
     * "Validate": who the account's stored credentials are (STS GetCallerIdentity), and the AWS account's alias
     * (IAM ListAccountAliases). Credentials that may call STS but not {@code iam:ListAccountAliases} still
     * validate: the alias is then empty and {@link AccountCheck#note()} says why. A successful check is recorded
     * as the account's "last validated" time ({@link AccountRepository#recordValidation}); a failed one is not.
     *
     * @throws AccountNotFoundException  if there is no such account
     * @throws AwsRequestFailedException if AWS refused (wrong or deleted key: InvalidClientTokenId) or could not be
     *                                   reached
     * @throws IllegalStateException     if the stored secret access key cannot be read
     */
    public AccountCheck validate(UUID accountId) {
        Account account = account(accountId);
        GetCallerIdentityResponse identity = send(stsCall(account, "GetCallerIdentity",
                        "the credentials of account '" + account.name() + "'",
                        "the credentials of account '" + account.name() + "' are active"),
                () -> sts.clientFor(account).getCallerIdentity());
        if (isBlank(identity.account()) || isBlank(identity.arn())) {
            throw new AwsRequestFailedException("AWS STS at " + sts.endpointHost(account) + " answered "
                    + "GetCallerIdentity without an account id or ARN. Check that the account's endpoint override "
                    + "points at AWS STS.", null, null);
        }
        Optional<String> alias = Optional.empty();
        Optional<String> note = Optional.empty();
        try {
            ListAccountAliasesResponse aliases = send(iamCall(account, "ListAccountAliases",
                            "AWS account " + identity.account(),
                            identity.arn() + " is allowed iam:ListAccountAliases"),
                    () -> iam.clientFor(account).listAccountAliases());
            alias = aliases.accountAliases().stream().filter(a -> !isBlank(a)).findFirst();
        } catch (AwsRequestFailedException e) {
            String code = e.getAwsErrorCode().orElse("");
            if (!code.equals("AccessDenied") && !code.equals("AccessDeniedException")) {
                throw e;
            }
            note = Optional.of("The credentials work, but they may not call iam:ListAccountAliases, so the "
                    + "account's alias is not shown (" + code + "). That is only needed for this alias.");
        }
        accounts.recordValidation(accountId, Instant.now());
        return new AccountCheck(identity.account(), identity.arn(), alias, note);
    }

    /**
     * The account's IAM roles (IAM ListRoles, every page), sorted by name, for the connector editor's role picker.
     *
     * @throws AccountNotFoundException  if there is no such account
     * @throws AwsRequestFailedException if AWS refused (e.g. no {@code iam:ListRoles}) or could not be reached
     */
    public List<RoleSummary> roles(UUID accountId) {
        Account account = account(accountId);
        IamClient client = iam.clientFor(account);
        AwsFailures.AwsCall what = iamCall(account, "ListRoles", "the roles of account '" + account.name() + "'",
                "the credentials of account '" + account.name() + "' are allowed iam:ListRoles (the role ARN can "
                        + "still be typed in by hand)");
        List<RoleSummary> roles = new ArrayList<>();
        String marker = null;
        for (int page = 0; page < MAX_ROLE_PAGES; page++) {
            String from = marker;
            ListRolesResponse response = send(what, () -> client.listRoles(r -> r.maxItems(1000).marker(from)));
            for (Role role : response.roles()) {
                roles.add(new RoleSummary(role.arn(), role.roleName(), role.path() == null ? "/" : role.path(),
                        role.maxSessionDuration() == null ? 3600 : role.maxSessionDuration()));
            }
            marker = Boolean.TRUE.equals(response.isTruncated()) ? response.marker() : null;
            if (isBlank(marker)) {
                break;
            }
        }
        roles.sort(Comparator.comparing(RoleSummary::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(RoleSummary::name));
        return List.copyOf(roles);
    }

    /**
     * "Rotate access key" of an access-key account: (1) IAM CreateAccessKey for the key's own IAM user (no
     * {@code UserName}: the caller's user), (2) STS GetCallerIdentity with the new key until it works (see
     * {@link KeyPropagation}), (3) store it in the account, based on {@code expectedVersion}, (4) IAM
     * DeleteAccessKey of the old key. Every IAM call is signed with the old key, which works throughout.
     *
     * <p>On failure it stops and leaves a working key stored: if (1) fails nothing changed; if (2) or (3) fails,
     * the new key is deleted again (if that fails too, the report says to delete it by hand) and the old key stays
     * stored; if (4) fails, the new key is stored and works, and the report names the old key to delete by hand.
     *
     * @param expectedVersion the version of the account the admin opened: if the account was saved since (before or
     *                        while the rotation runs), step (3) fails with the concurrent-edit message, the new key
     *                        is deleted again and the account keeps what the other admin saved
     * @throws AccountNotFoundException           if there is no such account
     * @throws InvalidCredentialsRequestException (field {@code type}) for a host-role account: only access-key
     *                                            accounts have a key to rotate; AWS was not called
     */
    public RotationReport rotateAccessKey(UUID accountId, long expectedVersion) {
        Account account = account(accountId);
        if (account.type() != AccountType.ACCESS_KEY || account.accessKeyId().isEmpty()) {
            throw new InvalidCredentialsRequestException("type", "Account '" + account.name() + "' uses the "
                    + "host's role: only access-key accounts have a key to rotate.");
        }
        if (account.version() != expectedVersion) {
            // Not refused here: step (3) refuses it, and the new key is deleted again, as for an edit that
            // someone else saves while the rotation runs.
            account = account.toBuilder().version(expectedVersion).build();
        }
        return new Rotation(account).run();
    }

    /** One rotation, step by step. */
    private final class Rotation {
        private final Account account;
        private final String oldKeyId;
        private final List<Step> steps = new ArrayList<>();

        Rotation(Account account) {
            this.account = account;
            this.oldKeyId = account.accessKeyId().orElseThrow();
        }

        RotationReport run() {
            IamClient oldKeyIam = null;
            try {
                oldKeyIam = iam.newClient(account);
            } catch (RuntimeException e) {
                steps.add(new Step(RotationReport.CREATE, Outcome.FAILED, "The stored key of account '"
                        + account.name() + "' could not be used: " + scrub(e.getMessage(), null)
                        + " Nothing was changed."));
                return failedBefore(RotationReport.CHECK, oldKeyId);
            }
            try {
                return rotate(oldKeyIam);
            } finally {
                oldKeyIam.close();
            }
        }

        private RotationReport rotate(IamClient oldKeyIam) {
            // (1) Create.
            AccessKey created;
            try {
                created = send(iamCall(account, "CreateAccessKey", "the IAM user of access key " + oldKeyId,
                        "the IAM user of account '" + account.name() + "' is allowed iam:CreateAccessKey on itself"
                                + " (arn:" + account.partition().id() + ":iam::<account>:user/${aws:username})"),
                        () -> oldKeyIam.createAccessKey(r -> { }).accessKey());
                if (created == null || isBlank(created.accessKeyId()) || isBlank(created.secretAccessKey())) {
                    throw new AwsRequestFailedException("AWS IAM at " + iam.endpointHost(account) + " answered "
                            + "CreateAccessKey without a key. Check that the account's IAM endpoint override "
                            + "points at AWS IAM.", null, null);
                }
            } catch (RuntimeException e) {
                String message = e instanceof AwsRequestFailedException && ((AwsRequestFailedException) e)
                        .getAwsErrorCode().filter("LimitExceeded"::equals).isPresent()
                        ? limitExceeded(oldKeyIam, (AwsRequestFailedException) e)
                        : e.getMessage();
                steps.add(new Step(RotationReport.CREATE, Outcome.FAILED, sentence(scrub(message, null))
                        + " Nothing was changed: account '"
                        + account.name() + "' still uses access key " + oldKeyId + "."));
                return failedBefore(RotationReport.CHECK, oldKeyId);
            }
            String newKeyId = created.accessKeyId();
            String newSecret = created.secretAccessKey();
            String user = isBlank(created.userName()) ? "the IAM user of access key " + oldKeyId
                    : "IAM user '" + created.userName() + "'";
            steps.add(new Step(RotationReport.CREATE, Outcome.SUCCEEDED, "Created access key " + newKeyId + " for "
                    + user + "."));

            // (2) Check.
            try {
                String arn = checkNewKey(newKeyId, newSecret);
                steps.add(new Step(RotationReport.CHECK, Outcome.SUCCEEDED, "AWS STS accepts the new key " + newKeyId
                        + " (it signs as " + arn + ")."));
            } catch (KeyCheckFailed | RuntimeException e) {
                steps.add(new Step(RotationReport.CHECK, Outcome.FAILED, scrub(e.getMessage(), newSecret)));
                return undo(oldKeyIam, newKeyId, user, RotationReport.STORE);
            }

            // (3) Store.
            Account stored;
            try {
                stored = accounts.update(account.toBuilder().accessKeyId(newKeyId).build(), Optional.of(newSecret));
            } catch (RuntimeException e) {
                steps.add(new Step(RotationReport.STORE, Outcome.FAILED, "The new key could not be stored in account '"
                        + account.name() + "': " + sentence(scrub(e.getMessage(), newSecret))));
                return undo(oldKeyIam, newKeyId, user, RotationReport.DELETE_OLD);
            }
            steps.add(new Step(RotationReport.STORE, Outcome.SUCCEEDED, "Account '" + stored.name()
                    + "' now uses access key " + newKeyId + "."));

            // (4) Delete the old key.
            try {
                send(iamCall(account, "DeleteAccessKey", "access key " + oldKeyId,
                        "the IAM user of account '" + account.name() + "' is allowed iam:DeleteAccessKey on itself"),
                        () -> oldKeyIam.deleteAccessKey(r -> r.accessKeyId(oldKeyId)));
            } catch (RuntimeException e) {
                steps.add(new Step(RotationReport.DELETE_OLD, Outcome.FAILED,
                        sentence(scrub(e.getMessage(), newSecret)) + " The new key " + newKeyId + " is stored and "
                        + "works, but the old key " + oldKeyId + " still exists: delete access key " + oldKeyId + " of " + user + " by hand in the IAM "
                        + "console (Users, Security credentials)."));
                return new RotationReport(steps, false, newKeyId);
            }
            steps.add(new Step(RotationReport.DELETE_OLD, Outcome.SUCCEEDED, "Deleted the old access key " + oldKeyId
                    + " of " + user + "."));
            return new RotationReport(steps, true, newKeyId);
        }

        /** STS GetCallerIdentity signed with the new key, retried while AWS does not know the key yet. */
        private String checkNewKey(String newKeyId, String newSecret) throws KeyCheckFailed {
            AwsFailures.AwsCall what = stsCall(account, "GetCallerIdentity", "the new access key " + newKeyId,
                    "the new access key " + newKeyId + " is active");
            AwsRequestFailedException last = null;
            try (StsClient client = sts.newClient(account,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(newKeyId, newSecret)))) {
                for (int attempt = 1; attempt <= propagation.attempts(); attempt++) {
                    if (attempt > 1 && !pause()) {
                        throw new KeyCheckFailed("Checking the new key " + newKeyId + " was interrupted.");
                    }
                    try {
                        GetCallerIdentityResponse identity = send(what, client::getCallerIdentity);
                        if (isBlank(identity.arn())) {
                            throw new KeyCheckFailed("AWS STS answered GetCallerIdentity for the new key without "
                                    + "an ARN. Check that the account's endpoint override points at AWS STS.");
                        }
                        return identity.arn();
                    } catch (AwsRequestFailedException e) {
                        last = e;
                        if (!e.getAwsErrorCode().filter(NOT_YET_KNOWN::contains).isPresent()) {
                            break;
                        }
                    }
                }
            }
            String waited = propagation.attempts() == 1 ? "1 attempt" : propagation.attempts() + " attempts "
                    + AwsFailures.seconds(propagation.pause()) + " apart";
            if (last != null && last.getAwsErrorCode().filter(NOT_YET_KNOWN::contains).isPresent()) {
                throw new KeyCheckFailed("AWS STS still refused the new key " + newKeyId + " ("
                        + last.getAwsErrorCode().get() + ") after " + waited + ": IAM had not yet made it known "
                        + "to STS, or it was deactivated at once. Try the rotation again in a few minutes."
                        + last.getRequestId().map(id -> " (AWS request id " + id + ")").orElse(""));
            }
            throw new KeyCheckFailed("AWS STS did not accept the new key " + newKeyId + " (" + waited + "): "
                    + (last == null ? "no answer." : last.getMessage()));
        }

        private boolean pause() {
            if (propagation.pause().isZero()) {
                return true;
            }
            try {
                Thread.sleep(propagation.pause().toMillis());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Deletes the new key again after (2) or (3) failed; the old key stays stored. */
        private RotationReport undo(IamClient oldKeyIam, String newKeyId, String user, String nextSkipped) {
            try {
                send(iamCall(account, "DeleteAccessKey", "access key " + newKeyId,
                        "the IAM user of account '" + account.name() + "' is allowed iam:DeleteAccessKey on itself"),
                        () -> oldKeyIam.deleteAccessKey(r -> r.accessKeyId(newKeyId)));
                steps.add(new Step(RotationReport.DELETE_NEW, Outcome.SUCCEEDED, "Deleted the new key " + newKeyId
                        + " again. Account '" + account.name() + "' still uses access key " + oldKeyId
                        + ", unchanged."));
            } catch (RuntimeException e) {
                steps.add(new Step(RotationReport.DELETE_NEW, Outcome.FAILED, sentence(scrub(e.getMessage(), null))
                        + " The new key "
                        + newKeyId + " could not be deleted again: delete access key " + newKeyId + " of " + user
                        + " by hand in the IAM console (Users, Security credentials). Account '" + account.name()
                        + "' still uses access key " + oldKeyId + ", unchanged."));
            }
            return failedBefore(nextSkipped, oldKeyId);
        }

        /** Explains IAM's two-keys-per-user quota, naming the user's keys when IAM lists them. */
        private String limitExceeded(IamClient oldKeyIam, AwsRequestFailedException e) {
            String others = "";
            try {
                List<String> keys = oldKeyIam.listAccessKeys(r -> { }).accessKeyMetadata().stream()
                        .map(AccessKeyMetadata::accessKeyId).filter(id -> !oldKeyId.equals(id))
                        .collect(Collectors.toList());
                if (!keys.isEmpty()) {
                    others = " Besides the stored key " + oldKeyId + ", it has " + String.join(", ", keys) + ".";
                }
            } catch (SdkException ignored) {
                // Only for a friendlier message; the refusal itself is reported either way.
            }
            return "AWS IAM refused to create a new access key (LimitExceeded): the IAM user of account '"
                    + account.name() + "' already has two access keys, the most IAM allows per user." + others
                    + " Delete the key that is not in use in the IAM console (Users, Security credentials), "
                    + "then rotate again." + e.getRequestId().map(id -> " (AWS request id " + id + ")").orElse("");
        }

        private RotationReport failedBefore(String firstSkipped, String activeKeyId) {
            List<String> order = List.of(RotationReport.CREATE, RotationReport.CHECK, RotationReport.STORE,
                    RotationReport.DELETE_OLD);
            String failed = steps.stream().filter(s -> s.outcome() == Outcome.FAILED).map(Step::name)
                    .filter(order::contains).findFirst().orElse(firstSkipped);
            for (String name : order.subList(order.indexOf(firstSkipped), order.size())) {
                steps.add(new Step(name, Outcome.SKIPPED, "Not done, because step '" + failed + "' failed."));
            }
            return new RotationReport(steps, false, activeKeyId);
        }
    }

    /** A failed check of the new key; the message names the key id only. */
    private static final class KeyCheckFailed extends Exception {
        private static final long serialVersionUID = 1L;

        KeyCheckFailed(String message) {
            super(message, null, false, false);
        }
    }

    private Account account(UUID accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return accounts.get(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
    }

    private AwsFailures.AwsCall stsCall(Account account, String operation, String target, String hint) {
        return new AwsFailures.AwsCall("AWS STS", operation, target, sts.endpointHost(account), account.region(),
                account.name(), account.type(), null, hint);
    }

    private AwsFailures.AwsCall iamCall(Account account, String operation, String target, String hint) {
        return new AwsFailures.AwsCall("AWS IAM", operation, target, iam.endpointHost(account),
                IamClients.signingRegion(account.partition()).id(), account.name(), account.type(), null, hint);
    }

    private <T> T send(AwsFailures.AwsCall what, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw failures.map(e, what);
        }
    }

    /**
     * A message without the secret in it, whatever produced the message: the secret itself and anything shaped like
     * key material (a run of 40 or more base64 characters) are replaced.
     */
    static String scrub(String message, String secret) {
        String text = message == null ? "" : message;
        if (secret != null && !secret.isEmpty()) {
            text = text.replace(secret, REDACTED);
        }
        return KEY_MATERIAL.matcher(text).replaceAll(REDACTED);
    }

    /** The text ending as a sentence does, so that the next sentence can follow it. */
    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() || stripped.endsWith(".") || stripped.endsWith(")") ? stripped : stripped + ".";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
