package dev.awsconnectors.testhost.plugin;

import com.atlassian.plugin.web.api.WebItem;

import java.util.Map;

/**
 * A web-item as the host builds it: a static {@code <web-item>} of the descriptor as Jira's web interface manager
 * converts it, or an item of a test's own provider. No style class, parameters, access key or entry point.
 */
record HostWebItem(String completeKey, String label, String title, String id, int weight, String section,
                   String url) implements WebItem {
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
}
