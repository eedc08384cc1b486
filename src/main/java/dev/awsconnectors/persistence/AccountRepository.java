package dev.awsconnectors.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountSecrets;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.crypto.SecretCipher;
import dev.awsconnectors.crypto.SecretContext;
import dev.awsconnectors.crypto.SecretUnavailableException;
import dev.awsconnectors.validation.ConfigurationValidator;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Stores AWS accounts and hands them out as immutable {@link Account} values; keeps their secret access keys
 * encrypted and decrypts one only when an AWS client for the account is built ({@link AccountSecrets}).
 *
 * <p>Every write is one transaction, validated first. Names are unique regardless of case (the database decides,
 * so two nodes cannot both win); an edit based on an older version is refused; an account that connectors use
 * cannot be deleted. An edit also stamps the account's new version on its connectors' rows, so the broker's one
 * read per request sees it.
 */
@Component
public class AccountRepository implements AccountSecrets {
    static final String TABLE = "ACCOUNT";
    static final String SECRET_FIELD = "secretAccessKey";

    private final ActiveObjects ao;
    private final ConfigurationValidator validator;
    private final SecretCipher cipher;

    public AccountRepository(@ComponentImport ActiveObjects ao, ConfigurationValidator validator,
                             SecretCipher cipher) {
        this.ao = ao;
        this.validator = validator;
        this.cipher = cipher;
    }

    /** Every account, sorted by name. */
    public List<Account> all() {
        return ao.executeInTransaction(() -> Arrays.stream(ao.find(AccountEntity.class,
                        Query.select().order("NAME_KEY ASC")))
                .map(StoredValues::account).collect(Collectors.toList()));
    }

    /** The account with this id. */
    public Optional<Account> get(UUID accountId) {
        return ao.executeInTransaction(() -> Optional.ofNullable(rowOf(ao, accountId)).map(StoredValues::account));
    }

    /**
     * Stores a new account with its secret access key (access-key accounts) encrypted.
     *
     * @return the stored account, at version 1
     * @throws dev.awsconnectors.validation.ConfigurationException naming each wrong field, the name if it is taken
     */
    public Account create(Account account, Optional<String> secretAccessKey) {
        return create(account, secretAccessKey, stored -> { });
    }

    /**
     * As {@link #create(Account, Optional)}, handing the stored account to {@code beforeCommit} inside the
     * transaction: if it throws, nothing is stored.
     */
    public Account create(Account account, Optional<String> secretAccessKey, Consumer<? super Account> beforeCommit) {
        validator.requireValid(account, secretAccessKey, true);
        try {
            return ao.executeInTransaction(() -> {
                AccountEntity row = ao.create(AccountEntity.class,
                        new DBParam("PUBLIC_ID", account.id().toString()),
                        new DBParam("NAME", account.name()),
                        new DBParam("NAME_KEY", StoredValues.nameKey(account.name())),
                        new DBParam("ACCOUNT_TYPE", account.type()),
                        new DBParam("PARTITION_ID", account.partition().id()),
                        new DBParam("REGION", account.region()),
                        new DBParam("ROW_VERSION", 1L));
                write(row, account);
                holdAccessKey(row, account);
                if (account.type() == AccountType.ACCESS_KEY) {
                    row.setSecretKeyCiphertext(encrypt(account.id(), account.name(), secretAccessKey.orElseThrow()));
                }
                row.save();
                Account stored = StoredValues.account(row);
                beforeCommit.accept(stored);
                return stored;
            });
        } catch (RuntimeException e) {
            throw translated(e, account);
        }
    }

    /**
     * Saves an edit made to the version in {@code edited.version()}; an empty or blank secret keeps the stored one.
     *
     * @throws ConcurrentEditException if someone saved the account since that version was read
     * @throws AccountNotFoundException if it was deleted meanwhile
     */
    public Account update(Account edited, Optional<String> newSecretAccessKey) {
        return update(edited, newSecretAccessKey, () -> { }, stored -> { });
    }

    /**
     * As {@link #update(Account, Optional)}, handing the stored account to {@code beforeCommit} inside the
     * transaction: if it throws, nothing is stored.
     */
    public Account update(Account edited, Optional<String> newSecretAccessKey,
                          Consumer<? super Account> beforeCommit) {
        return update(edited, newSecretAccessKey, () -> { }, beforeCommit);
    }

    /** As {@link #update(Account, Optional)}, with {@code check} run first inside the transaction; it may refuse. */
    Account update(Account edited, Optional<String> newSecretAccessKey, Runnable check) {
        return update(edited, newSecretAccessKey, check, stored -> { });
    }

    private Account update(Account edited, Optional<String> newSecretAccessKey, Runnable check,
                           Consumer<? super Account> beforeCommit) {
        Optional<String> newSecret = newSecretAccessKey == null ? Optional.empty()
                : newSecretAccessKey.filter(secret -> !secret.isBlank());
        validator.requireValid(edited, newSecret, false);
        try {
            return ao.executeInTransaction(() -> {
                AccountEntity row = rowOf(ao, edited.id());
                if (row == null) {
                    throw new AccountNotFoundException(edited.id());
                }
                if (row.getRowVersion() != edited.version()) {
                    throw new ConcurrentEditException("account", row.getName());
                }
                check.run();
                refuseKeylessWhileKeysAreNeeded(row, edited);
                StoredValues.claimEdit(ao, "account", row.getPublicId(), edited.version() + 1, row.getName());
                if (edited.type() == AccountType.ACCESS_KEY && newSecret.isEmpty()
                        && row.getSecretKeyCiphertext() == null) {
                    // A host-role account turned into an access-key account needs its first secret.
                    throw validator.secretRequired();
                }
                long version = row.getRowVersion() + 1;
                row.setName(edited.name());
                row.setNameKey(StoredValues.nameKey(edited.name()));
                row.setAccountType(edited.type());
                row.setPartitionId(edited.partition().id());
                row.setRegion(edited.region());
                row.setRowVersion(version);
                write(row, edited);
                holdAccessKey(row, edited);
                if (edited.type() != AccountType.ACCESS_KEY) {
                    row.setSecretKeyCiphertext(null);
                } else if (newSecret.isPresent()) {
                    row.setSecretKeyCiphertext(encrypt(edited.id(), edited.name(), newSecret.get()));
                }
                row.save();
                for (ConnectorEntity connector : ao.find(ConnectorEntity.class,
                        Query.select().where("ACCOUNT_ID = ?", row.getID()))) {
                    connector.setAccountVersion(version);
                    connector.save();
                }
                Account stored = StoredValues.account(row);
                beforeCommit.accept(stored);
                return stored;
            });
        } catch (RuntimeException e) {
            throw translated(e, edited);
        }
    }

    /**
     * Refuses to take the access key away from an account whose connectors need one: Federated User and IAM User
     * connectors (GetFederationToken and GetSessionToken need an IAM user's long-term key), connectors with an
     * MFA serial number, whose code neither a host role nor AssumeRoleWithWebIdentity can carry, and, for a keyless
     * account, connectors with an external ID, which AssumeRoleWithWebIdentity cannot carry either.
     */
    private void refuseKeylessWhileKeysAreNeeded(AccountEntity row, Account edited) {
        if (edited.type() == AccountType.ACCESS_KEY || edited.type() == row.getAccountType()) {
            return;
        }
        List<String> needingKeys = Arrays.stream(ao.find(ConnectorEntity.class,
                        Query.select().where("ACCOUNT_ID = ?", row.getID()).order("NAME_KEY ASC")))
                .filter(connector -> connector.getPrincipalType() != dev.awsconnectors.api.PrincipalType.IAM_ROLE
                        || connector.getMfaSerialNumber() != null
                        || edited.type() == AccountType.WEB_IDENTITY && connector.getExternalId() != null)
                .map(ConnectorEntity::getName)
                .collect(Collectors.toList());
        if (!needingKeys.isEmpty()) {
            throw validator.typeUsedByKeyConnectors(needingKeys);
        }
    }

    /**
     * Records that "Validate" succeeded for the account at {@code when}, in one transaction. This is not an edit:
     * the account's version stays as it is, so an edit opened before the check can still be saved.
     *
     * @throws AccountNotFoundException if there is no such account
     */
    public void recordValidation(UUID accountId, Instant when) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(when, "when");
        ao.executeInTransaction(() -> {
            AccountEntity row = rowOf(ao, accountId);
            if (row == null) {
                throw new AccountNotFoundException(accountId);
            }
            row.setLastValidated(Date.from(when));
            row.save();
            return null;
        });
    }

    /** When "Validate" last succeeded for the account; empty if never, or if there is no such account. */
    public Optional<Instant> lastValidated(UUID accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return ao.executeInTransaction(() -> {
            AccountEntity row = rowOf(ao, accountId);
            return row == null ? Optional.<Instant>empty()
                    : Optional.ofNullable(row.getLastValidated()).map(Date::toInstant);
        });
    }

    /**
     * Deletes an account that no connector uses.
     *
     * @throws AccountInUseException naming the connectors that still use it
     * @throws AccountNotFoundException if there is no such account
     */
    public void delete(UUID accountId) {
        try {
            ao.executeInTransaction(() -> {
                AccountEntity row = rowOf(ao, accountId);
                if (row == null) {
                    throw new AccountNotFoundException(accountId);
                }
                List<String> users = ConnectorRepository.connectorNamesOf(ao, row);
                if (!users.isEmpty()) {
                    throw new AccountInUseException(row.getName(), users);
                }
                KeyRotations.refuseWhileRotating(ao, row);
                ao.deleteWithSQL(AccessKeyHolderEntity.class, "ACCOUNT_PUBLIC_ID = ?", row.getPublicId());
                StoredValues.dropEditClaims(ao, "account", row.getPublicId());
                ao.delete(row);
                return null;
            });
        } catch (RuntimeException e) {
            if (StoredValues.isForeignKeyViolation(e)) {
                // A connector was created for it on another node between our check and our delete.
                throw new AccountInUseException(get(accountId).map(Account::name).orElse(accountId.toString()),
                        ao.executeInTransaction(() -> {
                            AccountEntity row = rowOf(ao, accountId);
                            return row == null ? List.<String>of() : ConnectorRepository.connectorNamesOf(ao, row);
                        }));
            }
            throw e;
        }
    }

    /**
     * The names of the other accounts that store the same access key ID as {@code account}, sorted: accounts saved
     * before key IDs were kept unique may share one, and rotating or deleting that key breaks them all.
     */
    public List<String> namesSharingAccessKey(Account account) {
        Objects.requireNonNull(account, "account");
        return account.accessKeyId().map(keyId -> ao.executeInTransaction(() -> others(ao, keyId, account.id())
                .stream().sorted().collect(Collectors.toList()))).orElse(List.of());
    }

    /** The names of the accounts that store this access key ID, sorted; empty if none does. */
    public List<String> namesStoring(String accessKeyId) {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        return ao.executeInTransaction(() -> Arrays.stream(ao.find(AccountEntity.class,
                        Query.select().where("ACCESS_KEY_ID = ?", accessKeyId)))
                .map(AccountEntity::getName).sorted().collect(Collectors.toList()));
    }

    /** The names of the accounts other than {@code accountId} that store {@code accessKeyId}, oldest first. */
    static List<String> others(ActiveObjects ao, String accessKeyId, UUID accountId) {
        return Arrays.stream(ao.find(AccountEntity.class, Query.select()
                        .where("ACCESS_KEY_ID = ? AND PUBLIC_ID <> ?", accessKeyId, accountId.toString())
                        .order("ID ASC")))
                .map(AccountEntity::getName).collect(Collectors.toList());
    }

    /**
     * Refuses an access key ID that another account stores, and records the account as the holder of its key ID
     * (or of none), inside the write's transaction. The check names the other account; the holder table's unique
     * key ID is what stops two nodes that both passed the check at once.
     */
    private void holdAccessKey(AccountEntity row, Account account) {
        Optional<String> keyId = account.type() == AccountType.ACCESS_KEY ? account.accessKeyId() : Optional.empty();
        if (keyId.isPresent()) {
            List<String> others = others(ao, keyId.get(), account.id());
            if (!others.isEmpty()) {
                throw validator.accessKeyIdTaken(others.get(0), keyId.get());
            }
        }
        boolean held = false;
        for (AccessKeyHolderEntity holder : ao.find(AccessKeyHolderEntity.class,
                Query.select().where("ACCOUNT_PUBLIC_ID = ?", row.getPublicId()))) {
            if (keyId.isPresent() && holder.getKeyId().equals(keyId.get())) {
                held = true;
            } else {
                ao.delete(holder);
            }
        }
        if (keyId.isPresent() && !held) {
            ao.create(AccessKeyHolderEntity.class, new DBParam("KEY_ID", keyId.get()),
                    new DBParam("ACCOUNT_PUBLIC_ID", row.getPublicId()));
        }
    }

    /**
     * The decrypted secret access key, for the one moment an AWS client is built.
     *
     * @throws dev.awsconnectors.api.AccountSecretUnavailableException if it cannot be decrypted (the message says
     *                               what to restore, naming the key file relative to Jira's home)
     * @throws IllegalStateException if the account has none stored
     */
    @Override
    public String secretAccessKey(Account account) {
        Objects.requireNonNull(account, "account");
        String stored = ao.executeInTransaction(() -> {
            AccountEntity row = rowOf(ao, account.id());
            return row == null ? null : row.getSecretKeyCiphertext();
        });
        if (stored == null) {
            throw new IllegalStateException("No secret access key is stored for the AWS account '" + account.name()
                    + "'; enter it again in the account's settings.");
        }
        try {
            return cipher.decrypt(stored, context(account.id()));
        } catch (SecretUnavailableException e) {
            throw SecretFailures.unavailable(e, account.name(), cipher.keyFileLocation());
        }
    }

    /**
     * The accounts whose stored secret cannot be decrypted now (key file missing, unusable or not the one they were
     * encrypted with), sorted by name; empty when every secret can be read.
     */
    public List<UnreadableSecret> unreadableSecrets() {
        return ao.executeInTransaction(() -> {
            List<UnreadableSecret> unreadable = new ArrayList<>();
            for (AccountEntity row : ao.find(AccountEntity.class,
                    Query.select().where("SECRET_KEY_CIPHERTEXT IS NOT NULL").order("NAME_KEY ASC"))) {
                unreadableSecret(row).ifPresent(unreadable::add);
            }
            return unreadable;
        });
    }

    /** Why the row's stored secret cannot be decrypted now; empty if it can, or if the row stores none. */
    Optional<UnreadableSecret> unreadableSecret(AccountEntity row) {
        if (row.getSecretKeyCiphertext() == null) {
            return Optional.empty();
        }
        try {
            cipher.verify(row.getSecretKeyCiphertext(), context(UUID.fromString(row.getPublicId())));
            return Optional.empty();
        } catch (SecretUnavailableException e) {
            return Optional.of(new UnreadableSecret(UUID.fromString(row.getPublicId()), row.getName(),
                    SecretFailures.reason(e.problem()), SecretFailures.problem(e.problem()),
                    cipher.keyFileLocation()));
        }
    }

    /**
     * Re-encrypts every stored secret that is not under the key file's current key, in one transaction, so a
     * failure leaves every value as it was.
     *
     * @return how many secrets were re-encrypted
     */
    int reEncryptSecrets() {
        return ao.executeInTransaction(() -> {
            int count = 0;
            for (AccountEntity row : withSecrets()) {
                if (cipher.needsReEncryption(row.getSecretKeyCiphertext())) {
                    UUID id = UUID.fromString(row.getPublicId());
                    row.setSecretKeyCiphertext(cipher.reEncrypt(row.getSecretKeyCiphertext(), context(id)));
                    row.save();
                    count++;
                }
            }
            return count;
        });
    }

    /** The ids of the keys the stored secrets are encrypted with, as committed now. */
    Set<String> keyIdsInUse() {
        return ao.executeInTransaction(() -> Arrays.stream(withSecrets())
                .map(row -> cipher.keyIdOf(row.getSecretKeyCiphertext())).collect(Collectors.toSet()));
    }

    private AccountEntity[] withSecrets() {
        return ao.find(AccountEntity.class, Query.select().where("SECRET_KEY_CIPHERTEXT IS NOT NULL"));
    }

    static AccountEntity rowOf(ActiveObjects ao, UUID accountId) {
        AccountEntity[] rows = ao.find(AccountEntity.class,
                Query.select().where("PUBLIC_ID = ?", accountId.toString()));
        return rows.length == 0 ? null : rows[0];
    }

    private String encrypt(UUID accountId, String accountName, String secret) {
        // A secret the admin has just entered may create a missing key file: on the first save, and to recover
        // from a lost one by entering each secret again. The other stored secrets keep their old key's id and stay
        // unreadable until each is entered again (or the old file is restored); reading never creates the file.
        try {
            return cipher.encrypt(secret, context(accountId), true);
        } catch (SecretUnavailableException e) {
            throw SecretFailures.unavailable(e, accountName, cipher.keyFileLocation());
        }
    }

    private static SecretContext context(UUID accountId) {
        return new SecretContext(TABLE, accountId, SECRET_FIELD);
    }

    private static void write(AccountEntity row, Account account) {
        row.setDescription(StoredValues.text(account.description()));
        row.setAccessKeyId(StoredValues.text(account.accessKeyId()));
        row.setStsEndpoint(StoredValues.text(account.endpointOverride()));
        row.setIamEndpoint(StoredValues.text(account.iamEndpointOverride()));
        row.setSigninEndpoint(StoredValues.text(account.signinEndpointOverride()));
        boolean keyless = account.type() == AccountType.WEB_IDENTITY;
        row.setAudience(keyless ? account.audience().orElse(null) : null);
        row.setIssuerUrl(keyless ? StoredValues.text(account.issuerUrl()) : null);
    }

    private RuntimeException translated(RuntimeException failure, Account account) {
        if (StoredValues.isSerializationFailure(failure)) {
            return new ConcurrentEditException("account", account.name());
        }
        if (!StoredValues.isUniqueViolation(failure)) {
            return failure;
        }
        // The other write has committed by now, so whichever value clashed, the name or the key ID, shows as taken.
        boolean nameTaken = ao.executeInTransaction(() -> ao.find(AccountEntity.class, Query.select().where(
                "NAME_KEY = ? AND PUBLIC_ID <> ?", StoredValues.nameKey(account.name()), account.id().toString()))
                .length > 0);
        Optional<String> keyId = account.type() == AccountType.ACCESS_KEY ? account.accessKeyId() : Optional.empty();
        if (!nameTaken && keyId.isPresent()) {
            List<String> others = ao.executeInTransaction(() -> others(ao, keyId.get(), account.id()));
            if (!others.isEmpty()) {
                return validator.accessKeyIdTaken(others.get(0), keyId.get());
            }
        }
        return validator.nameTaken("account", account.name());
    }
}
