package dev.awsconnectors.admintasks;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.awsclients.ServiceClients;
import dev.awsconnectors.i18n.Text;
import dev.awsconnectors.persistence.AccountNotFoundException;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.sts.AwsFailures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The account screen's AWS checks: "Validate" and the role picker's list of roles. Each reads the account as stored
 * now and calls AWS with its stored credentials (see {@link AwsClients}). "Rotate access key"
 * is {@link AccessKeyRotation}.
 *
 * <p>Failures are thrown as {@link AwsRequestFailedException}, with the admin-readable message of
 * {@link AwsFailures}. Nothing here logs or changes AWS.
 */
@Component
public class AccountChecks {

    /** At most this many pages of ListRoles (of 1,000 roles each; IAM's quota is 5,000 roles per account). */
    static final int MAX_ROLE_PAGES = 100;

    private final AccountRepository accounts;
    private final ServiceClients<StsClient> sts;
    private final ServiceClients<IamClient> iam;
    private final AccountAwsCalls calls;

    @Autowired
    public AccountChecks(AccountRepository accounts, AwsClients clients) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sts = clients.sts();
        this.iam = clients.iam();
        this.calls = new AccountAwsCalls(clients);
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
        refuseKeyless(account, "awsc.admin.account.validate.keyless");
        GetCallerIdentityResponse identity = calls.send(calls.sts(account, "GetCallerIdentity",
                        Text.of("awsc.aws.target.credentialsOfAccount", account.name()),
                        Text.of("awsc.aws.hint.credentialsActive", account.name())),
                () -> sts.clientFor(account).getCallerIdentity());
        if (isBlank(identity.account()) || isBlank(identity.arn())) {
            throw AwsFailures.unreadable(Text.of("awsc.aws.admin.noAccountOrArn", sts.endpointHost(account)));
        }
        Optional<String> alias = Optional.empty();
        Optional<Text> note = Optional.empty();
        try {
            ListAccountAliasesResponse aliases = calls.send(calls.iam(account, "ListAccountAliases",
                            Text.of("awsc.aws.target.awsAccount", identity.account()),
                            Text.of("awsc.aws.hint.listAccountAliases", identity.arn())),
                    () -> iam.clientFor(account).listAccountAliases());
            alias = aliases.accountAliases().stream().filter(a -> !isBlank(a)).findFirst();
        } catch (AwsRequestFailedException e) {
            String code = e.getAwsErrorCode().orElse("");
            if (!code.equals("AccessDenied") && !code.equals("AccessDeniedException")) {
                throw e;
            }
            note = Optional.of(Text.of("awsc.aws.admin.aliasNotAllowed", code));
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
        refuseKeyless(account, "awsc.admin.connector.roles.keyless");
        IamClient client = iam.clientFor(account);
        AwsFailures.AwsCall what = calls.iam(account, "ListRoles",
                Text.of("awsc.aws.target.rolesOfAccount", account.name()),
                Text.of("awsc.aws.hint.listRoles", account.name()));
        List<RoleSummary> roles = new ArrayList<>();
        String marker = null;
        for (int page = 0; page < MAX_ROLE_PAGES; page++) {
            String from = marker;
            ListRolesResponse response = calls.send(what, () -> client.listRoles(r -> r.maxItems(1000).marker(from)));
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
     * A keyless account has no credentials of its own: every call but AssumeRoleWithWebIdentity would go to AWS
     * unsigned and be refused, so it is not made.
     */
    private static void refuseKeyless(Account account, String key) {
        if (account.type() == AccountType.WEB_IDENTITY) {
            throw new InvalidCredentialsRequestException("type", Text.of(key, account.name()).english());
        }
    }

    private Account account(UUID accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return accounts.get(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
