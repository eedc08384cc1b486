package dev.awsconnectors.web.nav;

import com.atlassian.plugin.web.api.WebItem;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of the "AWS" menu, as Jira's {@link WebItem}: our own small immutable class rather than Atlassian's
 * {@code com.atlassian.plugin.web.api.model.WebFragmentBuilder}. That builder exists in
 * atlassian-plugins-webfragment-api 6.0.1 (Platform 6; ngannk-fptu/Decompiled-Files,
 * {@code com.atlassian.plugins_atlassian-plugins-webfragment-api-6.0.1/com/atlassian/plugin/web/api/model/
 * WebFragmentBuilder.java}) and Jira's own link factories use it, but, unlike {@code WebItem} ({@code @PublicApi}),
 * it carries no public-API annotation there, and no public source shows it (or a successor) in Platform 8's
 * web-fragment API; a compile-only copy of an unverified signature could be a {@code NoClassDefFoundError} in
 * Jira 11, while {@code WebItem} is the interface Jira calls anyway. Like the builder, this class leaves the style
 * class, access key and entry point {@code null} and has no parameters.
 */
final class ConnectorMenuItem implements WebItem {
    private final String completeKey;
    private final String section;
    private final String id;
    private final String label;
    private final String title;
    private final String url;
    private final int weight;

    /**
     * @param completeKey a key unique to this entry, {@code <plugin key>:<id>}
     * @param section     the section the provider fills, {@code <location>/<section key>}
     * @param id          the link's HTML id
     * @param title       the tooltip, or {@code null}
     * @param url         where the entry leads, with Jira's context path (as Jira writes it unchanged)
     */
    ConnectorMenuItem(String completeKey, String section, String id, String label, String title, String url,
                      int weight) {
        this.completeKey = Objects.requireNonNull(completeKey, "completeKey");
        this.section = Objects.requireNonNull(section, "section");
        this.id = Objects.requireNonNull(id, "id");
        this.label = Objects.requireNonNull(label, "label");
        this.title = title;
        this.url = Objects.requireNonNull(url, "url");
        this.weight = weight;
    }

    @Override
    public String getCompleteKey() {
        return completeKey;
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public String getTitle() {
        return title;
    }

    @Override
    public String getStyleClass() {
        return null;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of();
    }

    @Override
    public int getWeight() {
        return weight;
    }

    @Override
    public String getSection() {
        return section;
    }

    @Override
    public String getUrl() {
        return url;
    }

    @Override
    public String getAccessKey() {
        return null;
    }

    @Override
    public String getEntryPoint() {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectorMenuItem other && completeKey.equals(other.completeKey)
                && section.equals(other.section) && id.equals(other.id) && label.equals(other.label)
                && Objects.equals(title, other.title) && url.equals(other.url) && weight == other.weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(completeKey, section, id, label, title, url, weight);
    }

    @Override
    public String toString() {
        return "ConnectorMenuItem[" + id + " \"" + label + "\" -> " + url + ", weight " + weight + "]";
    }
}
