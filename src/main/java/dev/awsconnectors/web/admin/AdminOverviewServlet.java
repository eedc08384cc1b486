package dev.awsconnectors.web.admin;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.websudo.WebSudoManager;
import dev.awsconnectors.accounts.AccessKeyIds;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.persistence.Inventory;
import dev.awsconnectors.persistence.InventoryReader;
import dev.awsconnectors.persistence.UnreadableSecret;
import dev.awsconnectors.paging.PageRequest;
import dev.awsconnectors.web.PageServices;
import dev.awsconnectors.web.PagedList;
import dev.awsconnectors.web.PluginResources;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The AWS Connectors admin page ({@code /plugins/servlet/aws-connectors/admin/connectors}, the app's
 * {@code configure.url}): the accounts and the connectors, with links to add, edit and duplicate them
 * ({@link AccountAdminServlet}, {@link ConnectorAdminServlet}). Each list shows
 * {@value dev.awsconnectors.paging.PageRequest#DEFAULT_MAX_RESULTS} at a time, both filtered by one name filter
 * ({@code query}), each with its own start ({@value #ACCOUNTS_START}, {@value #CONNECTORS_START}).
 *
 * <p>Every value reaches the template as a plain string in a map, so the template shows it through
 * {@code $esc.textHtml} (the one method of the app's classes it calls, in Jira's Velocity allow-list).
 * Secrets never reach the page; access key IDs arrive masked ({@link AccessKeyIds}).
 */
public class AdminOverviewServlet extends AdminPageServlet {
    private static final long serialVersionUID = 1L;

    static final String TEMPLATE = "templates/admin/connectors.vm";
    /** This page, below the context path (its servlet's {@code <url-pattern>}). */
    static final String SERVLET_PATH = PluginResources.ADMIN_PAGES_PATH + "/connectors";
    /** The query-string parameters of each list's start; {@code query} filters both by name. */
    static final String ACCOUNTS_START = "accountsStartAt";
    static final String CONNECTORS_START = "connectorsStartAt";
    /** How "Last validated" shows a time: to the minute, in UTC, the same for every admin. */
    static final DateTimeFormatter LAST_VALIDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final transient InventoryReader inventories;

    public AdminOverviewServlet(PageServices services, @ComponentImport WebSudoManager webSudoManager,
                                InventoryReader inventories) {
        super(services, webSudoManager);
        this.inventories = Objects.requireNonNull(inventories, "inventories");
    }

    /** Both lists, their accounts' last validation and the unreadable-secrets warning come from one read. */
    @Override
    protected Page get(HttpServletRequest request) {
        Inventory inventory = inventories.read();
        List<Account> allAccounts = inventory.accounts();
        List<Connector> allConnectors = inventory.connectors();

        Map<UUID, String> accountNames = new HashMap<>();
        for (Account account : allAccounts) {
            accountNames.put(account.id(), account.name());
        }
        Map<UUID, List<String>> connectorNamesByAccount = new HashMap<>();
        for (Connector connector : allConnectors) {
            connectorNamesByAccount.computeIfAbsent(connector.accountId(), id -> new ArrayList<>())
                    .add(connector.name());
        }

        // One filter for both lists; each list keeps its own place, and the links to its pages keep the other's.
        PageRequest accountsRequest = PagedList.request(request, ACCOUNTS_START);
        PageRequest connectorsRequest = PagedList.request(request, CONNECTORS_START);
        dev.awsconnectors.paging.Page<Account> accountsPage = dev.awsconnectors.paging.Page.of(allAccounts,
                accountsRequest, Account::name);
        dev.awsconnectors.paging.Page<Connector> connectorsPage = dev.awsconnectors.paging.Page.of(allConnectors,
                connectorsRequest, Connector::name);
        List<Map<String, String>> accountRows = new ArrayList<>();
        for (Account account : accountsPage.values()) {
            accountRows.add(accountRow(account, inventory.lastValidated(account.id()),
                    connectorNamesByAccount.getOrDefault(account.id(), List.of())));
        }
        List<Map<String, String>> connectorRows = new ArrayList<>();
        for (Connector connector : connectorsPage.values()) {
            connectorRows.add(connectorRow(connector, accountNames.get(connector.accountId())));
        }
        String path = request.getContextPath() + SERVLET_PATH;
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put(PagedList.QUERY, accountsRequest.query());
        kept.put(ACCOUNTS_START, String.valueOf(accountsRequest.startAt()));
        kept.put(CONNECTORS_START, String.valueOf(connectorsRequest.startAt()));
        kept.replaceAll((name, value) -> "0".equals(value) ? "" : value);

        Map<String, Object> context = new TreeMap<>();
        context.put("accounts", accountRows);
        context.put("connectors", connectorRows);
        // Flags rather than method calls in the template: it calls nothing but $i18n.getText.
        context.put("hasAccounts", !accountRows.isEmpty());
        context.put("hasConnectors", !connectorRows.isEmpty());
        context.put("hasAnyAccount", !allAccounts.isEmpty());
        context.put("hasAnyConnector", !allConnectors.isEmpty());
        context.put("query", accountsRequest.query());
        boolean noMatch = accountsRequest.filtered();
        context.put("accountsNoMatch", noMatch && accountsPage.total() == 0 && !allAccounts.isEmpty()
                ? i18n().getText("awsc.admin.accounts.noMatch", accountsRequest.query()) : "");
        context.put("connectorsNoMatch", noMatch && connectorsPage.total() == 0 && !allConnectors.isEmpty()
                ? i18n().getText("awsc.admin.connectors.noMatch", accountsRequest.query()) : "");
        context.put("accountsPager", PagedList.navigation(accountsPage, path, ACCOUNTS_START, kept, i18n()));
        context.put("connectorsPager", PagedList.navigation(connectorsPage, path, CONNECTORS_START, kept, i18n()));
        // Only which kind was deleted comes from the query: a name there could be anyone's text on an admin page.
        String deleted = request.getParameter("deleted");
        context.put("deletedAccount", "account".equals(deleted));
        context.put("deletedConnector", "connector".equals(deleted));
        unreadableSecrets(inventory.unreadableSecrets(), context);
        return new Page(TEMPLATE, context);
    }

    /**
     * The warning listing the accounts whose stored secret cannot be read, with what to do; none when every secret
     * can be read. Re-read on every view, so it shrinks as soon as secrets are entered again, on any node.
     */
    private void unreadableSecrets(List<UnreadableSecret> unreadable, Map<String, Object> context) {
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

    private Map<String, String> accountRow(Account account, Optional<Instant> lastValidated, List<String> usedBy) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", account.id().toString());
        row.put("name", account.name());
        row.put("type", i18n().getText(account.type() == AccountType.HOST_ROLE ? "awsc.admin.accountType.hostRole"
                : account.type() == AccountType.WEB_IDENTITY ? "awsc.admin.accountType.webIdentity"
                : "awsc.admin.accountType.accessKey"));
        row.put("partition", account.partition() == null ? "" : account.partition().id());
        row.put("region", account.region());
        row.put("accessKeyId", account.accessKeyId().map(AccessKeyIds::masked)
                .orElseGet(() -> i18n().getText(account.type() == AccountType.WEB_IDENTITY
                        ? "awsc.admin.accounts.noAccessKey.webIdentity" : "awsc.admin.accounts.noAccessKey")));
        row.put("lastValidated", lastValidated.map(LAST_VALIDATED::format)
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
