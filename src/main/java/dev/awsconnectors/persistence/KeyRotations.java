package dev.awsconnectors.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.awsconnectors.accounts.Account;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One rotation of an account's access key at a time, across every Data Center node, and a durable record of each
 * rotation until it ends ({@link KeyRotationEntity}), so that one interrupted by a crash is seen and can be cleaned
 * up: the claim is committed before AWS is asked for a new key, the new key's ID as soon as AWS returns it, and the
 * new key is stored in the account only while the claim is still held, in the same transaction.
 */
@Component
public class KeyRotations {
    /**
     * How long a rotation may hold its claim before it counts as interrupted. A rotation takes seconds (IAM and STS
     * calls, the wait for the new key to work); this leaves room for AWS's slowest answers and retries.
     */
    public static final Duration TIME_OUT = Duration.ofMinutes(10);
    /** The token of a claim no rotation holds any more: it stopped half way and waits for a clean-up. */
    private static final String STOPPED = "stopped";

    private final ActiveObjects ao;
    private final AccountRepository accounts;
    private final Clock clock;
    private final Duration timeOut;

    @Autowired
    public KeyRotations(@ComponentImport ActiveObjects ao, AccountRepository accounts) {
        this(ao, accounts, Clock.systemUTC(), TIME_OUT);
    }

    public KeyRotations(ActiveObjects ao, AccountRepository accounts, Clock clock, Duration timeOut) {
        this.ao = Objects.requireNonNull(ao, "ao");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeOut = Objects.requireNonNull(timeOut, "timeOut");
    }

    /**
     * Claims the rotation of an access-key account at {@code expectedVersion}, committed before this returns.
     *
     * @throws RotationUnderWayException if another rotation holds it, running or interrupted
     * @throws ConcurrentEditException   if the account was saved (or rotated) since that version
     * @throws AccessKeySharedException  if another account stores the same key
     * @throws AccountNotFoundException  if there is no such account
     */
    public RotationClaim claim(UUID accountId, long expectedVersion) {
        Objects.requireNonNull(accountId, "accountId");
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        try {
            return ao.executeInTransaction(() -> {
                AccountEntity account = AccountRepository.rowOf(ao, accountId);
                if (account == null) {
                    throw new AccountNotFoundException(accountId);
                }
                KeyRotationEntity held = rowOf(accountId);
                if (held != null) {
                    throw underWay(account.getName(), held);
                }
                if (account.getRowVersion() != expectedVersion) {
                    throw new ConcurrentEditException("account", account.getName());
                }
                String keyId = Objects.requireNonNull(account.getAccessKeyId(), "accessKeyId");
                List<String> others = AccountRepository.others(ao, keyId, accountId);
                if (!others.isEmpty()) {
                    throw new AccessKeySharedException(account.getName(), others, keyId);
                }
                ao.create(KeyRotationEntity.class, new DBParam("ACCOUNT_PUBLIC_ID", accountId.toString()),
                        new DBParam("CLAIM_TOKEN", token), new DBParam("OLD_KEY_ID", keyId),
                        new DBParam("STARTED", Date.from(now)));
                return new RotationClaim(accountId, token, keyId, Optional.empty(), now);
            });
        } catch (RuntimeException e) {
            if (StoredValues.isUniqueViolation(e) || StoredValues.isSerializationFailure(e)) {
                // Another node claimed it between our check and our insert.
                String name = accounts.get(accountId).map(Account::name).orElse(accountId.toString());
                Optional<KeyRotationState> other = state(accountId);
                if (other.isPresent()) {
                    throw new RotationUnderWayException(name, other.get().started(), other.get().interrupted());
                }
                throw new ConcurrentEditException("account", name);
            }
            throw e;
        }
    }

    /**
     * Records the new key's ID, committed before this returns, so a clean-up knows it whatever happens next.
     *
     * @throws RotationUnderWayException if the claim was taken over meanwhile: the caller must delete the new key
     */
    public RotationClaim recordNewKey(RotationClaim claim, String newKeyId) {
        Objects.requireNonNull(newKeyId, "newKeyId");
        ao.executeInTransaction(() -> {
            KeyRotationEntity row = held(claim);
            row.setNewKeyId(newKeyId);
            row.save();
            return null;
        });
        return new RotationClaim(claim.accountId(), claim.token(), claim.oldKeyId(), Optional.of(newKeyId),
                claim.started());
    }

    /**
     * Stores the new key in the account as {@link AccountRepository#update} does, in one transaction with a check
     * that the claim is still held.
     *
     * @throws RotationUnderWayException if the claim was taken over meanwhile; nothing was stored
     */
    public Account storeNewKey(RotationClaim claim, Account edited, String newSecretAccessKey) {
        return accounts.update(edited, Optional.of(newSecretAccessKey), () -> held(claim));
    }

    /** Ends a rotation that left nothing to clean up: the next one may start. */
    public void release(RotationClaim claim) {
        ao.executeInTransaction(() -> {
            ao.deleteWithSQL(KeyRotationEntity.class, "ACCOUNT_PUBLIC_ID = ? AND CLAIM_TOKEN = ?",
                    claim.accountId().toString(), claim.token());
            return null;
        });
    }

    /** Ends a rotation or clean-up that left something to clean up: the page offers the clean-up at once. */
    public void stop(RotationClaim claim) {
        ao.executeInTransaction(() -> {
            KeyRotationEntity row = rowOf(claim.accountId());
            if (row != null && row.getClaimToken().equals(claim.token())) {
                row.setClaimToken(STOPPED);
                row.save();
            }
            return null;
        });
    }

    /**
     * Takes over an interrupted rotation to clean it up: the interrupted one, should it wake up, can no longer
     * store its key.
     *
     * @return the claim, with the interrupted rotation's key IDs; empty if no rotation of the account is unfinished
     * @throws RotationUnderWayException if the rotation is still running (it has not timed out)
     */
    public Optional<RotationClaim> takeOver(UUID accountId) {
        Objects.requireNonNull(accountId, "accountId");
        String token = UUID.randomUUID().toString();
        return ao.executeInTransaction(() -> {
            KeyRotationEntity row = rowOf(accountId);
            if (row == null) {
                return Optional.<RotationClaim>empty();
            }
            if (!interrupted(row)) {
                AccountEntity account = AccountRepository.rowOf(ao, accountId);
                throw underWay(account == null ? accountId.toString() : account.getName(), row);
            }
            Instant started = row.getStarted().toInstant();
            row.setClaimToken(token);
            row.setStarted(Date.from(clock.instant()));
            row.save();
            return Optional.of(new RotationClaim(accountId, token, row.getOldKeyId(),
                    Optional.ofNullable(row.getNewKeyId()), started));
        });
    }

    /** The account's unfinished rotation, running or interrupted, if it has one. */
    public Optional<KeyRotationState> state(UUID accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return ao.executeInTransaction(() -> Optional.ofNullable(rowOf(accountId)).map(this::stateOf));
    }

    /** Refuses to delete an account while a rotation of its key is unfinished; inside the delete's transaction. */
    static void refuseWhileRotating(ActiveObjects ao, AccountEntity account) {
        KeyRotationEntity[] rows = ao.find(KeyRotationEntity.class,
                Query.select().where("ACCOUNT_PUBLIC_ID = ?", account.getPublicId()));
        if (rows.length > 0) {
            throw new RotationUnderWayException(account.getName(), rows[0].getStarted().toInstant(),
                    STOPPED.equals(rows[0].getClaimToken()));
        }
    }

    private KeyRotationEntity held(RotationClaim claim) {
        KeyRotationEntity row = rowOf(claim.accountId());
        if (row == null || !row.getClaimToken().equals(claim.token())) {
            AccountEntity account = AccountRepository.rowOf(ao, claim.accountId());
            throw new RotationUnderWayException(account == null ? claim.accountId().toString() : account.getName(),
                    row == null ? claim.started() : row.getStarted().toInstant(), row != null && interrupted(row));
        }
        return row;
    }

    private KeyRotationEntity rowOf(UUID accountId) {
        KeyRotationEntity[] rows = ao.find(KeyRotationEntity.class,
                Query.select().where("ACCOUNT_PUBLIC_ID = ?", accountId.toString()));
        return rows.length == 0 ? null : rows[0];
    }

    private RotationUnderWayException underWay(String accountName, KeyRotationEntity row) {
        return new RotationUnderWayException(accountName, row.getStarted().toInstant(), interrupted(row));
    }

    private boolean interrupted(KeyRotationEntity row) {
        return STOPPED.equals(row.getClaimToken())
                || !row.getStarted().toInstant().plus(timeOut).isAfter(clock.instant());
    }

    private KeyRotationState stateOf(KeyRotationEntity row) {
        return new KeyRotationState(UUID.fromString(row.getAccountPublicId()), row.getOldKeyId(),
                Optional.ofNullable(row.getNewKeyId()), row.getStarted().toInstant(), interrupted(row));
    }
}
