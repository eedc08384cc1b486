package dev.awsconnectors.web.admin;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.websudo.WebSudoSessionException;
import dev.awsconnectors.web.FormValues;
import dev.awsconnectors.web.PageBuilder;
import dev.awsconnectors.web.PageFamily;
import dev.awsconnectors.web.PageServices;
import dev.awsconnectors.web.PageServlet;
import dev.awsconnectors.web.PluginResources;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The base of every admin page of the app: the admin checks, as a layer on the way into every page
 * ({@link PageServlet}), in this order, as Atlassian's own apps do:
 * <ol>
 *   <li>no user logged in: redirect to Jira's login page, which comes back to this page ({@link PageServlet});</li>
 *   <li>not a Jira administrator (nor system administrator): 403 with a page saying so;</li>
 *   <li>no WebSudo (secure administrator session): let Jira ask for the password again, and stop;</li>
 *   <li>only then: the checks every page makes (readable parameters, the XSRF token of a POST) and the page.</li>
 * </ol>
 * Templates read the admin pages' address as {@code $adminPath}; each page requires the admin pages' web resource
 * ({@link #WEB_RESOURCE}: AUI and the editor's script).
 */
public abstract class AdminPageServlet extends PageServlet {
    private static final long serialVersionUID = 1L;

    /** The template of the permission and error pages. */
    static final String MESSAGE_TEMPLATE = "templates/admin/message.vm";
    static final String NOT_ADMIN_TITLE = "awsc.admin.notAdmin.title";
    static final String NOT_ADMIN_MESSAGE = "awsc.admin.notAdmin.message";
    /** Where the admin pages live, below the context path. */
    static final String SERVLET_PATH = PluginResources.ADMIN_PAGES_PATH;
    /** The admin pages' {@code <web-resource>} in atlassian-plugin.xml, by its complete key. */
    static final String WEB_RESOURCE = PluginResources.ADMIN_WEB_RESOURCE;
    static final PageFamily ADMIN_PAGES = new PageFamily(SERVLET_PATH, "adminPath", WEB_RESOURCE, MESSAGE_TEMPLATE,
            new PageFamily.Message("awsc.admin.unreadable.title", "awsc.admin.unreadable.message"),
            new PageFamily.Message("awsc.admin.xsrf.title", "awsc.admin.xsrf.message"),
            new PageFamily.Message("awsc.admin.error.title", "awsc.admin.error.message"),
            Map.of(), "An AWS Connectors admin page");
    static final String CONFIRM_TEMPLATE = "templates/admin/confirm.vm";

    private final transient WebSudoManager webSudoManager;

    protected AdminPageServlet(PageServices services, WebSudoManager webSudoManager) {
        super(services, ADMIN_PAGES);
        this.webSudoManager = Objects.requireNonNull(webSudoManager, "webSudoManager");
    }

    @Override
    protected final boolean admits(UserProfile user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        UserKey key = user.getUserKey();
        if (!(userManager().isAdmin(key) || userManager().isSystemAdmin(key))) {
            renderMessage(request, response, HttpServletResponse.SC_FORBIDDEN,
                    new PageFamily.Message(NOT_ADMIN_TITLE, NOT_ADMIN_MESSAGE));
            return false;
        }
        if (!webSudoManager.canExecuteRequest(request)) {
            webSudoManager.enforceWebSudoProtection(request, response);
            return false;
        }
        try {
            webSudoManager.willExecuteWebSudoRequest(request);
        } catch (WebSudoSessionException e) {
            // The session ended between the two calls.
            webSudoManager.enforceWebSudoProtection(request, response);
            return false;
        }
        return true;
    }

    /**
     * The form page of the stored item the query's {@code id} names, with the "saved" notice after a save (which
     * redirects here with {@code saved=1}); empty when the id names nothing that exists.
     */
    static <T> Optional<Page> storedForm(HttpServletRequest request, Function<UUID, Optional<T>> stored,
                                         Function<T, PageBuilder> form, String savedNoticeKey) {
        return FormValues.parseId(request.getParameter("id")).flatMap(stored).map(item -> {
            PageBuilder page = form.apply(item);
            if ("1".equals(request.getParameter("saved"))) {
                page.notice(savedNoticeKey);
            }
            return page.build();
        });
    }

    /**
     * What a save is for, by the form's {@code id} field: a new item (no id), or the stored item it edits. Empty when
     * the id names nothing that exists (tampered with, or deleted meanwhile): that must not become a new item.
     */
    static <T> Optional<Edited<T>> edited(HttpServletRequest request, Function<UUID, Optional<T>> stored) {
        String field = request.getParameter("id");
        if (!FormValues.namesAnId(field)) {
            return Optional.of(new Edited<>(null, null));
        }
        Optional<UUID> id = FormValues.parseId(field);
        return id.flatMap(stored).map(before -> new Edited<>(id.get(), before));
    }

    /**
     * The item a save edits.
     *
     * @param id its id; null when creating
     * @param before as stored before the save; null when creating
     */
    record Edited<T>(UUID id, T before) {
        boolean creating() {
            return before == null;
        }
    }

    /** Whether a delete, rotation or clean-up was confirmed (by the page's dialog or the confirmation page). */
    static boolean confirmed(HttpServletRequest request) {
        return "yes".equals(request.getParameter("confirm"));
    }

    /**
     * The page that asks before a delete, rotation or clean-up posted without confirmation (no script ran): it posts
     * the same action again with {@code confirm=yes}. Nothing was changed.
     *
     * @param servlet the servlet below {@link #SERVLET_PATH} to post to, e.g. {@code account}
     */
    static Page confirmation(String servlet, String action, String id, String version, String title,
                             String question, String confirmLabel) {
        Map<String, Object> context = new HashMap<>();
        context.put("servlet", servlet);
        context.put("action", action);
        context.put("id", id);
        context.put("version", version == null ? "" : version);
        context.put("title", title);
        context.put("question", question);
        context.put("confirmLabel", confirmLabel);
        return new Page(CONFIRM_TEMPLATE, context, HttpServletResponse.SC_OK);
    }

    /** The admin pages' page with one message, for refusals and errors the subclasses answer themselves. */
    static Page messagePage(int status, String titleKey, String messageKey) {
        return messagePage(ADMIN_PAGES, status, titleKey, messageKey);
    }
}
