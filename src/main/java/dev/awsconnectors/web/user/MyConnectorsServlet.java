package dev.awsconnectors.web.user;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import dev.awsconnectors.access.AccessDecision;
import dev.awsconnectors.api.AccountSecretUnavailableException;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.audit.RequestOrigin;
import dev.awsconnectors.broker.CredentialsBroker;
import dev.awsconnectors.broker.RequestedDuration;
import dev.awsconnectors.connectors.PrincipalCapabilities;
import dev.awsconnectors.paging.PageRequest;
import dev.awsconnectors.sts.AwsCallFailedException;
import dev.awsconnectors.web.FormValues;
import dev.awsconnectors.web.PageFamily;
import dev.awsconnectors.web.PageServices;
import dev.awsconnectors.web.PageServlet;
import dev.awsconnectors.web.PagedList;
import dev.awsconnectors.web.PluginResources;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
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
import java.util.UUID;

/**
 * "My AWS connectors" ({@code /plugins/servlet/aws-connectors/my}): the connectors the logged-in user may use, each
 * with "Open AWS Console" and "Get credentials".
 *
 * <ul>
 *   <li>The way in is every page's ({@link PageServlet}): no user, Jira's login page; a POST without SAL's XSRF
 *       token, a 403 page, and nothing is asked of AWS. No administrator check and no WebSudo: the page is for every
 *       user, and the broker ({@link CredentialsBroker}) applies the access rules to every call.</li>
 *   <li>{@code action=console}: a 303 redirect to the AWS federation endpoint's sign-in URL (the form opens it in
 *       a new tab). {@code action=credentials}: the page again, showing the credentials in the formats of
 *       {@link CredentialsFormats} and until when they are valid (asking again within that time may return the same
 *       ones: the broker caches them).</li>
 *   <li>Refusals and AWS failures are shown as messages on the page with a matching status (400, 403, 404, 502;
 *       a connector the user may not use is 404, as one that does not exist);
 *       anything else as a generic error page. Never a stack trace.</li>
 * </ul>
 * Every answer carries {@code Cache-Control: no-store}: a page may hold credentials, and the list is per user.
 * Credentials and sign-in URLs are never logged.
 */
public class MyConnectorsServlet extends PageServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MyConnectorsServlet.class);

    static final String PAGE_TEMPLATE = "templates/user/my-connectors.vm";
    static final String MESSAGE_TEMPLATE = "templates/user/message.vm";
    static final String SERVLET_PATH = PluginResources.MY_CONNECTORS_PATH;
    /** The user page's {@code <web-resource>} (AUI, its script and style), required through Jira's page builder. */
    static final String WEB_RESOURCE = PluginResources.USER_WEB_RESOURCE;
    static final String ACTION_CONSOLE = "console";
    static final String ACTION_CREDENTIALS = "credentials";
    /** The query-string parameter of the list's start, as in the REST API. */
    static final String START_AT = PageRequest.START_AT;
    static final PageFamily USER_PAGE = new PageFamily(SERVLET_PATH, "pagePath", WEB_RESOURCE, MESSAGE_TEMPLATE,
            new PageFamily.Message("awsc.user.unreadable.title", "awsc.user.unreadable.message"),
            new PageFamily.Message("awsc.user.xsrf.title", "awsc.user.xsrf.message"),
            new PageFamily.Message("awsc.user.error.title", "awsc.user.error.message"),
            Map.of("Pragma", "no-cache", "Referrer-Policy", "same-origin"), "The My AWS connectors page");
    private static final DateTimeFormatter VALID_UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final transient CredentialsBroker broker;
    private final transient ApplicationProperties applicationProperties;

    public MyConnectorsServlet(PageServices services, CredentialsBroker broker,
                               @ComponentImport ApplicationProperties applicationProperties) {
        super(services, USER_PAGE);
        this.broker = Objects.requireNonNull(broker, "broker");
        this.applicationProperties = Objects.requireNonNull(applicationProperties, "applicationProperties");
    }

    @Override
    protected Page get(HttpServletRequest request) {
        return new Page(PAGE_TEMPLATE, listContext(request));
    }

    @Override
    protected Page post(HttpServletRequest request) {
        String action = request.getParameter("action");
        if (!ACTION_CONSOLE.equals(action) && !ACTION_CREDENTIALS.equals(action)) {
            return Page.refuse(HttpServletResponse.SC_BAD_REQUEST);
        }
        List<ConnectorSummary> usable = broker.usableConnectors();
        Map<String, Object> context = listContext(request, usable);
        UUID id = FormValues.parseId(request.getParameter("connectorId")).orElse(null);
        ConnectorSummary chosen = find(usable, id);
        String name = chosen == null ? "" : chosen.getName();
        try {
            if (id == null) {
                throw new ConnectorNotFoundException(new UUID(0, 0));
            }
            if (ACTION_CONSOLE.equals(action)) {
                CredentialsRequest consoleRequest = credentialsRequest(request, false);
                return Page.leaveFor(broker.consoleSignIn(id, consoleRequest, RequestOrigin.WEB).getUrl());
            }
            CredentialsRequest credentialsRequest = credentialsRequest(request, true);
            TemporaryCredentials credentials = broker.credentials(id, credentialsRequest,
                    RequestOrigin.WEB);
            context.put("credentials", shown(id, name, credentials, chosen != null && chosen.isMfaRequired()));
            context.put("hasCredentials", true);
            return new Page(PAGE_TEMPLATE, context);
        } catch (ConnectorNotFoundException | ConnectorAccessDeniedException | InvalidCredentialsRequestException
                 | AwsRequestFailedException | AccountSecretUnavailableException e) {
            return errorPage(context, name, e);
        }
    }

    /** The credentials, in every format of {@link CredentialsFormats}, and until when they are valid. */
    private Map<String, Object> shown(UUID id, String name, TemporaryCredentials credentials, boolean mfaRequired) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("connectorName", name);
        shown.put("accessKeyId", credentials.getAccessKeyId());
        shown.put("principalArn", credentials.getPrincipalArn());
        shown.put("expiration", DateTimeFormatter.ISO_INSTANT.format(credentials.getExpiration()));
        shown.put("validUntil", validUntil(credentials.getExpiration(), Instant.now()));
        List<Map<String, String>> formats = new ArrayList<>();
        CredentialsFormats.Profile profile = new CredentialsFormats.Profile(id, name, baseUrl(), mfaRequired,
                broker.region(id).orElse(""));
        for (CredentialsFormats.Format format : CredentialsFormats.of(credentials, profile)) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", format.id());
            row.put("title", i18n().getText(format.titleKey()));
            row.put("text", format.text());
            row.put("description", format.descriptionKey().isEmpty() ? "" : i18n().getText(format.descriptionKey()));
            formats.add(row);
        }
        shown.put("formats", formats);
        return shown;
    }

    /** The request from the form: the duration (when asked for and chosen) and the MFA code (when given). */
    private CredentialsRequest credentialsRequest(HttpServletRequest request, boolean withDuration) {
        CredentialsRequest credentialsRequest = CredentialsRequest.defaults();
        String duration = trimmed(request.getParameter("durationSeconds"));
        if (withDuration && !duration.isEmpty()) {
            credentialsRequest = RequestedDuration.applyTo(credentialsRequest, duration,
                    i18n().getText("awsc.user.error.durationNotANumber"));
        }
        String mfaCode = trimmed(request.getParameter("mfaCode"));
        if (!mfaCode.isEmpty()) {
            credentialsRequest = credentialsRequest.withMfaCode(mfaCode);
        }
        return credentialsRequest;
    }

    /** The list again, with why the connector's credentials or console were refused, and a matching status. */
    private Page errorPage(Map<String, Object> context, String connectorName, RuntimeException e) {
        int status;
        String message;
        if (e instanceof ConnectorNotFoundException
                || e instanceof ConnectorAccessDeniedException denied && AccessDecision.hidesConnector(denied)) {
            // A connector that is not the user's looks exactly like one that does not exist.
            status = HttpServletResponse.SC_NOT_FOUND;
            message = i18n().getText("awsc.user.error.notFound");
        } else if (e instanceof ConnectorAccessDeniedException) {
            status = HttpServletResponse.SC_FORBIDDEN;
            message = i18n().getText("awsc.user.error.denied", e.getMessage());
        } else if (e instanceof InvalidCredentialsRequestException) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            message = i18n().getText("awsc.user.error.invalid", e.getMessage());
        } else if (e instanceof AccountSecretUnavailableException) {
            // Nothing the user can do but tell an administrator (the admin page names the account and the key file);
            // asking again will not help until they have.
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            message = i18n().getText("awsc.user.error.secretUnavailable");
        } else if (e instanceof AwsCallFailedException user && user.isForUser()) {
            // What the user can do, in their language; the details are the administrators' (audit, admin screens).
            status = HttpServletResponse.SC_BAD_GATEWAY;
            message = i18n().getText(user.userText().key(), user.userText().serializableArguments());
        } else {
            // An administrator: the details, as the admin screens show them.
            status = HttpServletResponse.SC_BAD_GATEWAY;
            AwsRequestFailedException failure = (AwsRequestFailedException) e;
            message = failure.getAwsErrorCode()
                    .map(code -> i18n().getText("awsc.user.error.awsWithCode", failure.getMessage(), code))
                    .orElseGet(() -> i18n().getText("awsc.user.error.aws", failure.getMessage()));
        }
        // The messages of the API's exceptions name no secret; the log gets the kind of refusal only.
        LOG.debug("My AWS connectors: a request for connector {} was refused ({})", connectorName,
                e.getClass().getSimpleName());
        context.put("error", message);
        context.put("errorConnector", connectorName);
        return new Page(PAGE_TEMPLATE, context, status);
    }

    private Map<String, Object> listContext(HttpServletRequest request) {
        return listContext(request, broker.usableConnectors());
    }

    /**
     * The page of the connectors the user may use that the query string asks for ({@value
     * dev.awsconnectors.paging.PageRequest#DEFAULT_MAX_RESULTS} at a time, filtered by name), as rows of strings
     * for the template, with the filter box's value and the links to the other pages.
     */
    private Map<String, Object> listContext(HttpServletRequest request, List<ConnectorSummary> usable) {
        PageRequest pageRequest = PagedList.request(request, START_AT);
        dev.awsconnectors.paging.Page<ConnectorSummary> page = dev.awsconnectors.paging.Page.of(usable, pageRequest,
                ConnectorSummary::getName);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ConnectorSummary connector : page.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", connector.getId().toString());
            row.put("name", connector.getName());
            row.put("description", connector.getDescription());
            row.put("principalType", connector.getPrincipalType().getDisplayName());
            row.put("maxDuration", DurationChoices.describeMaximum(connector, i18n()));
            boolean typeSignsIn = PrincipalCapabilities.of(connector.getPrincipalType()).signsInToTheConsole();
            boolean console = typeSignsIn && connector.isConsoleSignInAvailable();
            row.put("console", console);
            row.put("noConsoleReason", console ? "" : i18n().getText(typeSignsIn
                    ? "awsc.user.console.unavailable" : "awsc.user.console.iamUser"));
            row.put("mfaRequired", connector.isMfaRequired());
            row.put("durations", DurationChoices.of(connector, i18n()));
            rows.add(row);
        }
        String path = request.getContextPath() + SERVLET_PATH;
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put(PagedList.QUERY, pageRequest.query());
        Map<String, Object> context = new HashMap<>();
        context.put("connectors", rows);
        context.put("hasConnectors", !rows.isEmpty());
        // No connector at all says whom to ask; none matching the filter says so, with the filter to change.
        context.put("hasAnyConnector", !usable.isEmpty());
        context.put("query", pageRequest.query());
        context.put("noMatch", pageRequest.filtered() && page.total() == 0
                ? i18n().getText("awsc.user.noMatch", pageRequest.query()) : "");
        context.put("pager", PagedList.navigation(page, path, START_AT, kept, i18n()));
        // The forms post back to the same page of the list, so the answer shows the list the user was looking at.
        context.put("listPath", PagedList.link(path, kept, START_AT, page.startAt()));
        context.put("hasCredentials", false);
        context.put("error", "");
        context.put("errorConnector", "");
        return context;
    }

    private static ConnectorSummary find(List<ConnectorSummary> connectors, UUID id) {
        if (id == null) {
            return null;
        }
        for (ConnectorSummary connector : connectors) {
            if (connector.getId().equals(id)) {
                return connector;
            }
        }
        return null;
    }

    /**
     * "2026-12-02 14:05 UTC (58 minutes)": until when credentials are valid, and how long that is from now, in
     * whole minutes (seconds under a minute).
     */
    String validUntil(Instant expiration, Instant now) {
        long left = Math.max(0, Duration.between(now, expiration).getSeconds());
        int shown = (int) Math.min(Integer.MAX_VALUE, left < 60 ? left : left / 60 * 60);
        return i18n().getText("awsc.user.credentials.validUntil", VALID_UNTIL.format(expiration),
                DurationChoices.describe(shown, i18n()));
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    private String baseUrl() {
        String base = applicationProperties.getBaseUrl(UrlMode.CANONICAL);
        base = base == null ? "" : base;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }
}
