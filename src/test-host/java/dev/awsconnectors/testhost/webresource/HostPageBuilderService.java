package dev.awsconnectors.testhost.webresource;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.webresource.api.assembler.RequiredResources;
import com.atlassian.webresource.api.assembler.WebResourceAssembler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The demo host's {@link PageBuilderService}: like Jira's, it belongs to the page being built on the current
 * thread. The host starts each page it decorates afresh ({@link #open()}, or {@link Page#restart()} when it holds
 * only the plugin's view of this service); whatever the plugin requires through {@code assembler().resources()}
 * while the page is built is resolved, with its dependencies, when the host writes the page's head, and closing the
 * page forgets it, so nothing a request required reaches the next one on a pooled thread.
 */
public final class HostPageBuilderService implements PageBuilderService {
    private final HostWebResources webResources;
    private final ThreadLocal<Page> current = new ThreadLocal<>();

    public HostPageBuilderService(HostWebResources webResources) {
        this.webResources = Objects.requireNonNull(webResources, "webResources");
    }

    /** Starts building a page on this thread, forgetting whatever was required on it before. */
    public Page open() {
        Page page = new Page();
        current.set(page);
        return page;
    }

    /** The page being built on this thread, started on first use. */
    @Override
    public WebResourceAssembler assembler() {
        Page page = current.get();
        return page == null ? open() : page;
    }

    /** The web resources one page required, in the order it required them. */
    public final class Page implements WebResourceAssembler, RequiredResources, AutoCloseable {
        private final List<String> required = new ArrayList<>();

        private Page() {
        }

        @Override
        public RequiredResources resources() {
            return this;
        }

        @Override
        public RequiredResources requireWebResource(String moduleCompleteKey) {
            String key = Objects.requireNonNull(moduleCompleteKey, "moduleCompleteKey").strip();
            if (!required.contains(key)) {
                required.add(key);
            }
            return this;
        }

        /** A fresh page on this thread in place of this one (the host's start of a page request). */
        public Page restart() {
            return open();
        }

        /**
         * The files the page's head links, dependencies first.
         *
         * @throws UnknownWebResourceException when a required key or one of its dependencies is unknown
         */
        public List<WebResourceFile> files() {
            return webResources.resolve(required);
        }

        @Override
        public void close() {
            if (current.get() == this) {
                current.remove();
            }
        }
    }
}
