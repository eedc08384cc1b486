package dev.awsconnectors.web;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * The host's services every page of the app needs to let a request in and answer it ({@link PageServlet}): who is
 * logged in, where the login page is, the XSRF token, the templates, the texts and the page's web resources.
 * One component, so that a page's constructor names what is particular to it and a new host service reaches every
 * page in one place.
 */
@Component
public class PageServices {
    private final UserManager userManager;
    private final LoginUriProvider loginUriProvider;
    private final TemplateRenderer templateRenderer;
    private final I18nResolver i18n;
    private final XsrfTokenValidator xsrfValidator;
    private final XsrfTokenAccessor xsrfAccessor;
    private final PageBuilderService pageBuilderService;

    public PageServices(
            @ComponentImport UserManager userManager, @ComponentImport LoginUriProvider loginUriProvider,
            @ComponentImport TemplateRenderer templateRenderer, @ComponentImport I18nResolver i18n,
            @ComponentImport XsrfTokenValidator xsrfValidator, @ComponentImport XsrfTokenAccessor xsrfAccessor,
            @ComponentImport PageBuilderService pageBuilderService) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.loginUriProvider = Objects.requireNonNull(loginUriProvider, "loginUriProvider");
        this.templateRenderer = Objects.requireNonNull(templateRenderer, "templateRenderer");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.xsrfValidator = Objects.requireNonNull(xsrfValidator, "xsrfValidator");
        this.xsrfAccessor = Objects.requireNonNull(xsrfAccessor, "xsrfAccessor");
        this.pageBuilderService = Objects.requireNonNull(pageBuilderService, "pageBuilderService");
    }

    UserManager userManager() {
        return userManager;
    }

    LoginUriProvider loginUriProvider() {
        return loginUriProvider;
    }

    TemplateRenderer templateRenderer() {
        return templateRenderer;
    }

    I18nResolver i18n() {
        return i18n;
    }

    XsrfTokenValidator xsrfValidator() {
        return xsrfValidator;
    }

    XsrfTokenAccessor xsrfAccessor() {
        return xsrfAccessor;
    }

    PageBuilderService pageBuilderService() {
        return pageBuilderService;
    }
}
