package dev.awsconnectors.web.admin;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.websudo.WebSudoManager;
import dev.awsconnectors.accounts.AccessKeyIds;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.persistence.UnreadableSecret;
import dev.awsconnectors.web.PageServices;
import jakarta.servlet.http.HttpServletRequest;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The AWS Connectors admin page ({@code /plugins/servlet/aws-connectors/admin/connectors}, the app's
 * {@code configure.url}): the accounts and the connectors, with links to add, edit and duplicate them
 * ({@link AccountAdminServlet}, {@link ConnectorAdminServlet}).
 *
 * <p>Every value reaches the template as a plain string in a map, so the template shows it through
 * {@code $esc.textHtml} (the one method of the app's classes it calls, in Jira's Velocity allow-list).
 * Secrets never reach the page; access key IDs arrive masked ({@link AccessKeyIds}).
 */
public class AdminOverviewServlet extends AdminPageServlet {
    private static final long serialVersionUID = 1L;

    static final String TEMPLATE = "templates/admin/connectors.vm";
    /** How "Last validated" shows a time: to the minute, in UTC, the same for every admin. */
    static final DateTimeFormatter LAST_VALIDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final transient AccountRepository accounts;
    private final transient ConnectorRepository connectors;

    public AdminOverviewServlet(PageServices services, @ComponentImport WebSudoManager webSudoManager,
                                AccountRepository accounts, ConnectorRepository connectors) {
        super(services, webSudoManager);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
    }

    @Override
    protected Page get(HttpServletRequest request) {
        List<Account> allAccounts = accounts.all();
        List<Connector> allConnectors = connectors.all();

        Map<UUID, String> accountNames = new HashMap<>();
        for (Account account : allAccounts) {
            accountNames.put(account.id(), account.name());
        }
        Map<UUID, List<String>> connectorNamesByAccount = new HashMap<>();
        for (Connector connector : allConnectors) {
            connectorNamesByAccount.computeIfAbsent(connector.accountId(), id -> new ArrayList<>())
                    .add(connector.name());
        }

        List<Map<String, String>> accountRows = new ArrayList<>();
        for (Account account : allAccounts) {
            accountRows.add(accountRow(account, connectorNamesByAccount.getOrDefault(account.id(), List.of())));
        }
        List<Map<String, String>> connectorRows = new ArrayList<>();
        for (Connector connector : allConnectors) {
            connectorRows.add(connectorRow(connector, accountNames.get(connector.accountId())));
        }

        Map<String, Object> context = new TreeMap<>();
        context.put("accounts", accountRows);
        context.put("connectors", connectorRows);
        // Flags rather than method calls in the template: it calls nothing but $i18n.getText.
        context.put("hasAccounts", !accountRows.isEmpty());
        context.put("hasConnectors", !connectorRows.isEmpty());
        // Only which kind was deleted comes from the query: a name there could be anyone's text on an admin page.
        String deleted = request.getParameter("deleted");
        context.put("deletedAccount", "account".equals(deleted));
        context.put("deletedConnector", "connector".equals(deleted));
        unreadableSecrets(context);
        return new Page(TEMPLATE, context);
    }

    /**
     * The warning listing the accounts whose stored secret cannot be read, with what to do; none when every secret
     * can be read. Re-read on every view, so it shrinks as soon as secrets are entered again, on any node.
     */
    private void unreadableSecrets(Map<String, Object> context) {
        List<UnreadableSecret> unreadable = accounts.unreadableSecrets();
        List<Map<String, String>> rows = new ArrayList<>();
        for (UnreadableSecret secret : unreadable) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", secret.accountId().toString());
            row.put("name", secret.accountName());
            rows.add(row);
        }
        context.put("unreadableSecrets", rows);
        context.put("hasUnreadableSecrets", !rows.isEmpty());
        String explanation = "";
        String restore = "";
        String reenter = "";
        String repair = "";
        if (!unreadable.isEmpty()) {
            // A key file that is missing or unusable makes every secret unreadable at once; otherwise each listed
            // secret is under a key the current file lacks.
            UnreadableSecret first = unreadable.get(0);
            String location = first.keyFileLocation();
            switch (first.reason()) {
                case KEY_FILE_MISSING:
                    explanation = i18n().getText("awsc.admin.secrets.unreadable.missing", location);
                    break;
                case KEY_FILE_UNUSABLE:
                    explanation = i18n().getText("awsc.admin.secrets.unreadable.unusable", location,
                            first.problem().orElse(""));
                    repair = i18n().getText("awsc.admin.secrets.recovery.repair");
                    break;
                default:
                    explanation = i18n().getText("awsc.admin.secrets.unreadable.cannotDecrypt", location);
                    break;
            }
            if (repair.isEmpty()) {
                restore = i18n().getText("awsc.admin.secrets.recovery.restore", location);
                reenter = i18n().getText("awsc.admin.secrets.recovery.reenter");
            }
        }
        context.put("unreadableSecretsExplanation", explanation);
        context.put("unreadableSecretsRestore", restore);
        context.put("unreadableSecretsReenter", reenter);
        context.put("unreadableSecretsRepair", repair);
    }

    private Map<String, String> accountRow(Account account, List<String> usedBy) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", account.id().toString());
        row.put("name", account.name());
        row.put("type", i18n().getText(account.type() == AccountType.HOST_ROLE
                ? "awsc.admin.accountType.hostRole" : "awsc.admin.accountType.accessKey"));
        row.put("partition", account.partition() == null ? "" : account.partition().id());
        row.put("region", account.region());
        row.put("accessKeyId", account.accessKeyId().map(AccessKeyIds::masked)
                .orElseGet(() -> i18n().getText("awsc.admin.accounts.noAccessKey")));
        row.put("lastValidated", accounts.lastValidated(account.id()).map(LAST_VALIDATED::format)
                .orElseGet(() -> i18n().getText("awsc.admin.accounts.neverValidated")));
        row.put("connectors", usedBy.isEmpty() ? i18n().getText("awsc.admin.accounts.unused")
                : String.join(", ", usedBy));
        return row;
    }

    private Map<String, String> connectorRow(Connector connector, String accountName) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", connector.id().toString());
        row.put("name", connector.name());
        row.put("principalType", i18n().getText(principalTypeKey(connector.principalType())));
        row.put("account", accountName == null ? "" : accountName);
        row.put("groups", connector.groups().isEmpty() ? i18n().getText("awsc.admin.connectors.adminsOnly")
                : String.join(", ", connector.groups()));
        row.put("systemScope", i18n().getText(connector.systemScope() ? "awsc.admin.yes" : "awsc.admin.no"));
        row.put("maxDuration", connector.maxDurationSeconds().isPresent()
                ? i18n().getText("awsc.admin.duration.seconds", connector.maxDurationSeconds().getAsInt())
                : i18n().getText("awsc.admin.duration.awsDefault"));
        return row;
    }

    static String principalTypeKey(PrincipalType type) {
        switch (type) {
            case FEDERATED_USER:
                return "awsc.admin.principalType.federatedUser";
            case IAM_USER:
                return "awsc.admin.principalType.iamUser";
            case IAM_ROLE:
                return "awsc.admin.principalType.iamRole";
            default:
                throw new IllegalArgumentException("Unknown principal type " + type);
        }
    }
}
