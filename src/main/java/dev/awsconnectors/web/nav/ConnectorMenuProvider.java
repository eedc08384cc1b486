package dev.awsconnectors.web.nav;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugin.web.api.WebItem;
import com.atlassian.plugin.web.api.provider.WebItemProvider;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.broker.CredentialsBroker;
import dev.awsconnectors.web.PluginResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The connectors section of the "AWS" menu in Jira's top navigation (the {@code <web-item-provider>} of
 * {@code atlassian-plugin.xml}): an entry for each of the first {@value #MAX_CONNECTORS} connectors the current user
 * may use, in the broker's order (by name), each leading to that connector on "My AWS connectors", and when there
 * are more, one entry "All n of your AWS connectors…" leading to the page; or, when there is none, one entry saying
 * so that leads to the page, which tells whom to ask. The menu's last section, a static web-item, is "My AWS connectors".
 *
 * <p>Jira creates this class through the plugin's Spring context (constructor autowiring, once) and calls
 * {@link #getItems} when the menu is opened (its sections are lazy). It keeps no state. It never throws: if the
 * connectors cannot be listed it logs a warning (the exception's type only; the full exception at DEBUG) and
 * offers no entries, so the menu still shows "My AWS connectors", whose page reports the problem to the user.
 * Anonymous visitors get no entries (Jira shows them no "AWS" menu anyway).
 */
public class ConnectorMenuProvider implements WebItemProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorMenuProvider.class);

    /** {@code Atlassian-Plugin-Key}, the prefix of every entry's complete key. */
    static final String PLUGIN_KEY = PluginResources.PLUGIN_KEY;
    /** The section this provider fills: {@code <top web-item's linkId>/<web-section key>}, as in the descriptor. */
    static final String SECTION = "aws-connectors-top-link/aws-connectors-menu-connectors";
    static final String PAGE_PATH = PluginResources.MY_CONNECTORS_PATH;
    /** The id of a connector's block on the page ({@code templates/user/my-connectors.vm}), its URL fragment. */
    static final String PAGE_ANCHOR_PREFIX = "awsc-connector-";
    /** The HTML id of a connector's entry: this prefix and the connector's id. */
    static final String ITEM_ID_PREFIX = "aws-connector-";
    static final String NONE_ITEM_ID = "aws-connectors-menu-none";
    /** The entry that leads to the page when the user has more connectors than the menu lists. */
    static final String MORE_ITEM_ID = "aws-connectors-menu-more";
    /**
     * The most connectors the menu lists, the first by name: a menu is for a quick pick, and a longer one would
     * not fit a screen; the page lists them all, filtered and a page at a time.
     */
    static final int MAX_CONNECTORS = 5;
    static final int WEIGHT_STEP = 10;

    private final CredentialsBroker broker;
    private final UserManager userManager;
    private final I18nResolver i18n;
    private final ApplicationProperties applicationProperties;

    public ConnectorMenuProvider(CredentialsBroker broker,
                                 @ComponentImport UserManager userManager,
                                 @ComponentImport I18nResolver i18n,
                                 @ComponentImport ApplicationProperties applicationProperties) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.applicationProperties = Objects.requireNonNull(applicationProperties, "applicationProperties");
    }

    /** @param context Jira's web-fragment context; not used: the current user comes from SAL */
    @Override
    public Iterable<WebItem> getItems(Map<String, Object> context) {
        try {
            if (userManager.getRemoteUserKey() == null) {
                return List.of();
            }
            String page = applicationProperties.getBaseUrl(UrlMode.RELATIVE) + PAGE_PATH;
            List<ConnectorSummary> connectors = broker.usableConnectors();
            if (connectors.isEmpty()) {
                return List.of(new ConnectorMenuItem(PLUGIN_KEY + ":" + NONE_ITEM_ID, SECTION, NONE_ITEM_ID,
                        i18n.getText("awsc.user.menu.none"), i18n.getText("awsc.user.none.message"), page,
                        WEIGHT_STEP));
            }
            List<WebItem> items = new ArrayList<>(MAX_CONNECTORS + 1);
            int weight = 0;
            for (ConnectorSummary connector : connectors.subList(0, Math.min(MAX_CONNECTORS, connectors.size()))) {
                weight += WEIGHT_STEP;
                String id = ITEM_ID_PREFIX + connector.getId();
                items.add(new ConnectorMenuItem(PLUGIN_KEY + ":" + id, SECTION, id, connector.getName(),
                        titleOf(connector), page + "#" + PAGE_ANCHOR_PREFIX + connector.getId(), weight));
            }
            if (connectors.size() > MAX_CONNECTORS) {
                items.add(new ConnectorMenuItem(PLUGIN_KEY + ":" + MORE_ITEM_ID, SECTION, MORE_ITEM_ID,
                        i18n.getText("awsc.user.menu.more", connectors.size()), null, page, weight + WEIGHT_STEP));
            }
            return List.copyOf(items);
        } catch (RuntimeException | LinkageError e) {
            // Jira would log the message of anything thrown at ERROR and drop the section; we say what happened
            // without the message, which could carry data from the database.
            LOG.warn("The AWS menu cannot list the current user's connectors ({}); it offers only the My AWS "
                    + "connectors page", e.getClass().getName());
            LOG.debug("Why the AWS menu cannot list the connectors", e);
            return List.of();
        }
    }

    private String titleOf(ConnectorSummary connector) {
        String type = connector.getPrincipalType().getDisplayName();
        String description = connector.getDescription() == null ? "" : connector.getDescription().strip();
        return description.isEmpty() ? i18n.getText("awsc.user.menu.connector.titleNoDescription", type)
                : i18n.getText("awsc.user.menu.connector.title", type, description);
    }
}
