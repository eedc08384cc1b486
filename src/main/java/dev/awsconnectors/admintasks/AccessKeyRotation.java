package dev.awsconnectors.admintasks;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.KeyMaterial;
import dev.awsconnectors.admintasks.RotationReport.Outcome;
import dev.awsconnectors.admintasks.RotationReport.Step;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.awsclients.ServiceClients;
import dev.awsconnectors.i18n.Text;
import dev.awsconnectors.persistence.AccountNotFoundException;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConcurrentEditException;
import dev.awsconnectors.persistence.KeyRotationState;
import dev.awsconnectors.persistence.KeyRotations;
import dev.awsconnectors.persistence.RotationClaim;
import dev.awsconnectors.persistence.RotationUnderWayException;
import dev.awsconnectors.sts.AwsCallFailedException;
import dev.awsconnectors.sts.AwsFailures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * "Rotate access key" of an access-key account, and the clean-up of a rotation a node did not finish. Both read the
 * account as stored now and sign every IAM call with its stored key (see {@link AwsClients}).
 *
 * <p>Rotation never throws for an AWS failure: it returns a {@link RotationReport} saying what happened at each
 * step, and always leaves a working key stored. It alone checks the version the admin opened the account at, so a
 * caller passes that version on instead of comparing it itself.
 *
 * <p>Nothing here logs: a caller that writes the audit log (rotation is a change) takes the report.
 */
@Component
public class AccessKeyRotation {

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

    private final AccountRepository accounts;
    private final KeyRotations rotations;
    private final ServiceClients<StsClient> sts;
    private final ServiceClients<IamClient> iam;
    private final AccountAwsCalls calls;
    private final KeyPropagation propagation;

    @Autowired
    public AccessKeyRotation(AccountRepository accounts, KeyRotations rotations, AwsClients clients) {
        this(accounts, rotations, clients, KeyPropagation.defaults());
    }

    public AccessKeyRotation(AccountRepository accounts, KeyRotations rotations, AwsClients clients,
                             KeyPropagation propagation) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.rotations = Objects.requireNonNull(rotations, "rotations");
        this.sts = clients.sts();
        this.iam = clients.iam();
        this.propagation = Objects.requireNonNull(propagation, "propagation");
        this.calls = new AccountAwsCalls(clients);
    }

    /**
     * "Rotate access key" of an access-key account: (1) IAM CreateAccessKey for the key's own IAM user (no
     * {@code UserName}: the caller's user), (2) STS GetCallerIdentity with the new key until it works (see
     * {@link KeyPropagation}), (3) store it in the account, based on {@code expectedVersion}, (4) IAM
     * DeleteAccessKey of the old key. Every IAM call is signed with the old key, which works throughout.
     *
     * <p>One rotation per account at a time, on every node: before AWS is called the rotation claims the account in
     * the database ({@link KeyRotations}), and it records the new key's ID there as soon as AWS returns it, before
     * the account or the old key changes. A node that stops half way leaves that record, which the admin page
     * shows and {@link #cleanUpRotation} resolves.
     *
     * <p>On failure it stops and leaves a working key stored: if (1) fails nothing changed; if (2) or (3) fails,
     * the new key is deleted again (if that fails too, the rotation stays unfinished for a clean-up) and the old key
     * stays stored; if (4) fails, the new key is stored and works, and the rotation stays unfinished until a
     * clean-up deletes the old key.
     *
     * @param expectedVersion the version of the account the admin opened: if the account was saved (or rotated)
     *                        since, nothing is done; if it is saved while the rotation runs, step (3) fails with
     *                        the concurrent-edit message, the new key is deleted again and the account keeps what
     *                        the other admin saved
     * @throws AccountNotFoundException           if there is no such account
     * @throws InvalidCredentialsRequestException (field {@code type}) for a host-role account: only access-key
     *                                            accounts have a key to rotate; AWS was not called
     * @throws RotationUnderWayException          if another rotation of the account is running or unfinished; AWS
     *                                            was not called
     * @throws ConcurrentEditException           if the account changed since {@code expectedVersion} (checked
     *                                            before anything else); AWS was not called
     * @throws dev.awsconnectors.persistence.AccessKeySharedException if another account stores the same key; AWS
     *                                            was not called
     */
    public RotationReport rotateAccessKey(UUID accountId, long expectedVersion) {
        Account account = account(accountId);
        if (account.version() != expectedVersion) {
            // Refused before anything else, so that an admin who opened an old version learns that first; the
            // claim checks the version again in its transaction, against a save that lands in between.
            throw new ConcurrentEditException("account", account.name());
        }
        if (account.type() != AccountType.ACCESS_KEY || account.accessKeyId().isEmpty()) {
            throw new InvalidCredentialsRequestException("type",
                    Text.of(account.type() == AccountType.WEB_IDENTITY ? "awsc.admin.rotate.keylessAccount"
                            : "awsc.admin.rotate.hostRoleAccount", account.name()).english());
        }
        RotationClaim claim = rotations.claim(accountId, expectedVersion);
        Account claimed = account(accountId);
        Rotation rotation = new Rotation(claimed, claim);
        try {
            RotationReport report = rotation.run();
            if (rotation.unfinished) {
                rotations.stop(rotation.claim);
            } else {
                rotations.release(rotation.claim);
            }
            return report;
        } catch (RuntimeException e) {
            // Not knowing what the failure left, the page offers the clean-up.
            rotations.stop(rotation.claim);
            throw e;
        }
    }

    /** The account's rotation that has not finished, running or interrupted, if it has one. */
    public Optional<KeyRotationState> unfinishedRotation(UUID accountId) {
        return rotations.state(accountId);
    }

    /**
     * Cleans up a rotation that a node did not finish (it crashed or was stopped, or the rotation could not delete
     * a key), once it has timed out. What is safe depends on how far it got:
     * <ul>
     *   <li>the new key is stored in the account: the rotation is finished by deleting the old key, which no
     *       account stores any more (its secret is gone, so going back is not possible);</li>
     *   <li>the new key was created but not stored: it is deleted, since nothing uses it and the old key still
     *       works (its secret was never kept, so it cannot be stored now);</li>
     *   <li>AWS never answered with the new key's ID: there is nothing known to delete, and the report lists the
     *       IAM user's keys other than the stored one, created since the rotation started.</li>
     * </ul>
     * A key that any account stores is never deleted. Every IAM call is signed with the account's stored key.
     *
     * @return what was done; empty if the account has no unfinished rotation
     * @throws RotationUnderWayException if the rotation is still running (it has not timed out)
     * @throws AccountNotFoundException  if there is no such account
     */
    public Optional<RotationReport> cleanUpRotation(UUID accountId) {
        account(accountId);
        Optional<RotationClaim> taken = rotations.takeOver(accountId);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        RotationClaim claim = taken.get();
        Account account = account(accountId);
        List<Step> steps = new ArrayList<>();
        boolean done;
        try (IamClient client = iam.newClient(account)) {
            done = cleanUp(account, claim, client, steps);
        } catch (RuntimeException e) {
            steps.add(new Step(RotationReport.CLEAN_UP, Outcome.FAILED, Text.of(
                    "awsc.admin.rotate.report.storedKeyUnusable", account.name(), failure(e, null).asSentence())));
            done = false;
        }
        if (done) {
            rotations.release(claim);
        } else {
            rotations.stop(claim);
        }
        return Optional.of(new RotationReport(steps, done, account.accessKeyId().orElse("")));
    }

    private boolean cleanUp(Account account, RotationClaim claim, IamClient client, List<Step> steps) {
        String stored = account.accessKeyId().orElse("");
        if (claim.newKeyId().isEmpty()) {
            List<Serializable> since;
            try {
                since = client.listAccessKeys(r -> { }).accessKeyMetadata().stream()
                        .filter(key -> !stored.equals(key.accessKeyId()))
                        .filter(key -> key.createDate() == null
                                || !key.createDate().isBefore(claim.started().minusSeconds(60)))
                        .<Serializable>map(key -> key.createDate() == null ? key.accessKeyId()
                                : Text.of("awsc.admin.rotate.report.keyCreatedAt", key.accessKeyId(),
                                key.createDate().toString()))
                        .collect(Collectors.toList());
            } catch (SdkException e) {
                steps.add(new Step(RotationReport.CLEAN_UP, Outcome.FAILED, Text.of(
                        "awsc.admin.rotate.report.tryCleanUpAgain", failure(calls.failure(e, calls.iam(account,
                                "ListAccessKeys", Text.of("awsc.aws.target.accessKeysOfAccount", account.name()),
                                Text.of("awsc.aws.hint.listAccessKeys", account.name()))), null).asSentence())));
                return false;
            }
            steps.add(new Step(RotationReport.CLEAN_UP, Outcome.SUCCEEDED, since.isEmpty()
                    ? Text.of("awsc.admin.rotate.report.noNewKeyId.noOtherKey", account.name(), stored)
                    : Text.of("awsc.admin.rotate.report.noNewKeyId.otherKeys", account.name(), stored,
                    Text.list(since))));
            return true;
        }
        String newKeyId = claim.newKeyId().get();
        if (stored.equals(newKeyId)) {
            return deleteUnstoredKey(account, client, claim.oldKeyId(), RotationReport.DELETE_OLD,
                    Text.of("awsc.admin.rotate.report.finishedInterrupted", claim.oldKeyId()), steps);
        }
        return deleteUnstoredKey(account, client, newKeyId, RotationReport.DELETE_NEW,
                Text.of("awsc.admin.rotate.report.deletedNewOfInterrupted", newKeyId, account.name(), stored), steps);
    }

    /** Deletes a key that no account stores; a key AWS no longer knows counts as deleted. */
    private boolean deleteUnstoredKey(Account account, IamClient client, String keyId, String stepName,
                                      Text done, List<Step> steps) {
        List<String> holders = accounts.namesStoring(keyId);
        if (!holders.isEmpty()) {
            steps.add(new Step(stepName, Outcome.FAILED, Text.of("awsc.admin.rotate.report.keyStoredElsewhere",
                    keyId, quotedNames(holders))));
            return false;
        }
        try {
            calls.send(deleteKey(account, keyId), () -> client.deleteAccessKey(r -> r.accessKeyId(keyId)));
        } catch (AwsRequestFailedException e) {
            if (!e.getAwsErrorCode().filter("NoSuchEntity"::equals).isPresent()) {
                steps.add(new Step(stepName, Outcome.FAILED, Text.of("awsc.admin.rotate.report.tryCleanUpAgain",
                        failure(e, null).asSentence())));
                return false;
            }
        }
        steps.add(new Step(stepName, Outcome.SUCCEEDED, done));
        return true;
    }

    /** One rotation, step by step. */
    private final class Rotation {
        private final Account account;
        private final String oldKeyId;
        private final List<Step> steps = new ArrayList<>();
        private RotationClaim claim;
        /** Whether it stopped leaving a key to delete, for the clean-up. */
        private boolean unfinished;

        Rotation(Account account, RotationClaim claim) {
            this.account = account;
            this.claim = claim;
            this.oldKeyId = claim.oldKeyId();
        }

        RotationReport run() {
            IamClient oldKeyIam = null;
            try {
                oldKeyIam = iam.newClient(account);
            } catch (RuntimeException e) {
                steps.add(new Step(RotationReport.CREATE, Outcome.FAILED, Text.of(
                        "awsc.admin.rotate.report.storedKeyUnusable.nothingChanged", account.name(),
                        failure(e, null))));
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
                created = calls.send(calls.iam(account, "CreateAccessKey",
                        Text.of("awsc.aws.target.iamUserOfAccessKey", oldKeyId),
                        Text.of("awsc.aws.hint.createAccessKey", account.name(), account.partition().id())),
                        () -> oldKeyIam.createAccessKey(r -> { }).accessKey());
                if (created == null || isBlank(created.accessKeyId()) || isBlank(created.secretAccessKey())) {
                    throw AwsFailures.unreadable(Text.of("awsc.admin.rotate.report.noKeyCreated",
                            iam.endpointHost(account)));
                }
            } catch (RuntimeException e) {
                Text message = e instanceof AwsRequestFailedException && ((AwsRequestFailedException) e)
                        .getAwsErrorCode().filter("LimitExceeded"::equals).isPresent()
                        ? limitExceeded(oldKeyIam, (AwsRequestFailedException) e).mapStrings(text -> scrub(text, null))
                        : failure(e, null);
                steps.add(new Step(RotationReport.CREATE, Outcome.FAILED, Text.of(
                        "awsc.admin.rotate.report.createFailed", message.asSentence(), account.name(), oldKeyId)));
                return failedBefore(RotationReport.CHECK, oldKeyId);
            }
            String newKeyId = created.accessKeyId();
            String newSecret = created.secretAccessKey();
            Text user = isBlank(created.userName()) ? Text.of("awsc.aws.target.iamUserOfAccessKey", oldKeyId)
                    : Text.of("awsc.admin.rotate.report.iamUser", created.userName());
            try {
                claim = rotations.recordNewKey(claim, newKeyId);
            } catch (RuntimeException e) {
                steps.add(new Step(RotationReport.CREATE, Outcome.FAILED, Text.of(
                        "awsc.admin.rotate.report.notRecorded", newKeyId, failure(e, newSecret).asSentence())));
                return undo(oldKeyIam, newKeyId, user, RotationReport.CHECK);
            }
            steps.add(new Step(RotationReport.CREATE, Outcome.SUCCEEDED, Text.of("awsc.admin.rotate.report.created",
                    newKeyId, user)));

            // (2) Check.
            try {
                String arn = checkNewKey(newKeyId, newSecret);
                steps.add(new Step(RotationReport.CHECK, Outcome.SUCCEEDED, Text.of(
                        "awsc.admin.rotate.report.checked", newKeyId, arn)));
            } catch (KeyCheckFailed e) {
                steps.add(new Step(RotationReport.CHECK, Outcome.FAILED,
                        e.text.mapStrings(text -> scrub(text, newSecret))));
                return undo(oldKeyIam, newKeyId, user, RotationReport.STORE);
            } catch (RuntimeException e) {
                steps.add(new Step(RotationReport.CHECK, Outcome.FAILED, failure(e, newSecret)));
                return undo(oldKeyIam, newKeyId, user, RotationReport.STORE);
            }

            // (3) Store.
            Account stored;
            try {
                stored = rotations.storeNewKey(claim, account.toBuilder().accessKeyId(newKeyId).build(), newSecret);
            } catch (RuntimeException e) {
                steps.add(new Step(RotationReport.STORE, Outcome.FAILED, Text.of(
                        "awsc.admin.rotate.report.notStored", account.name(), failure(e, newSecret).asSentence())));
                return undo(oldKeyIam, newKeyId, user, RotationReport.DELETE_OLD);
            }
            steps.add(new Step(RotationReport.STORE, Outcome.SUCCEEDED, Text.of("awsc.admin.rotate.report.stored",
                    stored.name(), newKeyId)));

            // (4) Delete the old key, unless an account stores it.
            List<String> holders = accounts.namesStoring(oldKeyId);
            if (!holders.isEmpty()) {
                unfinished = true;
                steps.add(new Step(RotationReport.DELETE_OLD, Outcome.FAILED, Text.of(
                        "awsc.admin.rotate.report.oldKeyStoredElsewhere", oldKeyId, quotedNames(holders), newKeyId)));
                return new RotationReport(steps, false, newKeyId);
            }
            try {
                calls.send(deleteKey(account, oldKeyId), () -> oldKeyIam.deleteAccessKey(r -> r.accessKeyId(oldKeyId)));
            } catch (RuntimeException e) {
                unfinished = true;
                steps.add(new Step(RotationReport.DELETE_OLD, Outcome.FAILED, Text.of(
                        "awsc.admin.rotate.report.oldKeyNotDeleted", failure(e, newSecret).asSentence(), newKeyId,
                        oldKeyId, user)));
                return new RotationReport(steps, false, newKeyId);
            }
            steps.add(new Step(RotationReport.DELETE_OLD, Outcome.SUCCEEDED, Text.of(
                    "awsc.admin.rotate.report.deletedOld", oldKeyId, user)));
            return new RotationReport(steps, true, newKeyId);
        }

        /** STS GetCallerIdentity signed with the new key, retried while AWS does not know the key yet. */
        private String checkNewKey(String newKeyId, String newSecret) throws KeyCheckFailed {
            AwsFailures.AwsCall what = calls.sts(account, "GetCallerIdentity",
                    Text.of("awsc.aws.target.newAccessKey", newKeyId),
                    Text.of("awsc.aws.hint.newAccessKeyActive", newKeyId));
            AwsRequestFailedException last = null;
            try (StsClient client = sts.newClient(account,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(newKeyId, newSecret)))) {
                for (int attempt = 1; attempt <= propagation.attempts(); attempt++) {
                    if (attempt > 1 && !pause()) {
                        throw new KeyCheckFailed(Text.of("awsc.admin.rotate.report.checkInterrupted", newKeyId));
                    }
                    try {
                        GetCallerIdentityResponse identity = calls.send(what, client::getCallerIdentity);
                        if (isBlank(identity.arn())) {
                            throw new KeyCheckFailed(Text.of("awsc.admin.rotate.report.checkWithoutArn"));
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
            Text waited = propagation.attempts() == 1 ? Text.of("awsc.admin.rotate.report.waitedOnce")
                    : Text.of("awsc.admin.rotate.report.waited", String.valueOf(propagation.attempts()),
                    AwsFailures.seconds(propagation.pause()));
            if (last != null && last.getAwsErrorCode().filter(NOT_YET_KNOWN::contains).isPresent()) {
                throw new KeyCheckFailed(Text.of("awsc.admin.rotate.report.checkStillRefused", newKeyId,
                        last.getAwsErrorCode().get(), waited, AwsFailures.requestId(last.getRequestId())));
            }
            throw new KeyCheckFailed(Text.of("awsc.admin.rotate.report.checkNotAccepted", newKeyId, waited,
                    last == null ? Text.of("awsc.admin.rotate.report.checkNoAnswer") : failure(last, null)));
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
        private RotationReport undo(IamClient oldKeyIam, String newKeyId, Text user, String nextSkipped) {
            try {
                calls.send(deleteKey(account, newKeyId), () -> oldKeyIam.deleteAccessKey(r -> r.accessKeyId(newKeyId)));
                steps.add(new Step(RotationReport.DELETE_NEW, Outcome.SUCCEEDED, Text.of(
                        "awsc.admin.rotate.report.deletedNewAgain", newKeyId, account.name(), oldKeyId)));
            } catch (RuntimeException e) {
                unfinished = true;
                steps.add(new Step(RotationReport.DELETE_NEW, Outcome.FAILED, Text.of(
                        "awsc.admin.rotate.report.newKeyNotDeleted", failure(e, null).asSentence(), newKeyId, user,
                        account.name(), oldKeyId)));
            }
            return failedBefore(nextSkipped, oldKeyId);
        }

        /** Explains IAM's two-keys-per-user quota, naming the user's keys when IAM lists them. */
        private Text limitExceeded(IamClient oldKeyIam, AwsRequestFailedException e) {
            // Never advise deleting the stored key, nor a key another account stores: either breaks an account.
            Serializable others = "";
            try {
                List<String> keys = oldKeyIam.listAccessKeys(r -> { }).accessKeyMetadata().stream()
                        .map(AccessKeyMetadata::accessKeyId).filter(id -> !oldKeyId.equals(id))
                        .collect(Collectors.toList());
                List<Serializable> described = new ArrayList<>();
                for (String key : keys) {
                    List<String> holders = accounts.namesStoring(key);
                    described.add(holders.isEmpty() ? Text.of("awsc.admin.rotate.report.limitExceeded.unstoredKey", key)
                            : Text.of("awsc.admin.rotate.report.limitExceeded.storedKey", key, quotedNames(holders)));
                }
                if (!described.isEmpty()) {
                    others = Text.of("awsc.admin.rotate.report.limitExceeded.otherKey", Text.list(described));
                }
            } catch (SdkException ignored) {
                // Only for a friendlier message; the refusal itself is reported either way.
            }
            return Text.of("awsc.admin.rotate.report.limitExceeded", account.name(), oldKeyId, others,
                    AwsFailures.requestId(e.getRequestId()));
        }

        private RotationReport failedBefore(String firstSkipped, String activeKeyId) {
            List<String> order = List.of(RotationReport.CREATE, RotationReport.CHECK, RotationReport.STORE,
                    RotationReport.DELETE_OLD);
            String failed = steps.stream().filter(s -> s.outcome() == Outcome.FAILED).map(Step::name)
                    .filter(order::contains).findFirst().orElse(firstSkipped);
            for (String name : order.subList(order.indexOf(firstSkipped), order.size())) {
                steps.add(new Step(name, Outcome.SKIPPED, Text.of("awsc.admin.rotate.report.skipped",
                        RotationReport.nameText(failed))));
            }
            return new RotationReport(steps, false, activeKeyId);
        }
    }

    /** A failed check of the new key; the text names the key id only. */
    private static final class KeyCheckFailed extends Exception {
        private static final long serialVersionUID = 1L;

        private final Text text;

        KeyCheckFailed(Text text) {
            super(text.key(), null, false, false);
            this.text = text;
        }
    }

    /** IAM DeleteAccessKey of one of the account's keys. */
    private AwsFailures.AwsCall deleteKey(Account account, String keyId) {
        return calls.iam(account, "DeleteAccessKey", Text.of("awsc.aws.target.accessKey", keyId),
                Text.of("awsc.aws.hint.deleteAccessKey", account.name()));
    }

    /**
     * What a failure said, for a step, without the secret in it: an AWS failure's text for the admin, or another
     * exception's message as it is.
     */
    static Text failure(RuntimeException e, String secret) {
        Text said = e instanceof AwsCallFailedException aws ? aws.adminText()
                : Text.of("awsc.admin.rotate.report.failure", e.getMessage() == null ? "" : e.getMessage());
        return said.mapStrings(text -> scrub(text, secret));
    }

    /** 'a', 'b': the accounts' names, quoted. */
    private static Text quotedNames(List<String> names) {
        return Text.list(names.stream().<Serializable>map(name -> Text.of("awsc.text.quoted", name)).toList());
    }

    private Account account(UUID accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return accounts.get(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
    }

    /**
     * A message without the secret in it, whatever produced the message: the secret itself and anything shaped like
     * key material (a run of 40 or more base64 characters) are replaced.
     */
    static String scrub(String message, String secret) {
        String text = message == null ? "" : message;
        if (secret != null && !secret.isEmpty()) {
            text = text.replace(secret, KeyMaterial.REDACTED);
        }
        return KeyMaterial.redacted(text);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
