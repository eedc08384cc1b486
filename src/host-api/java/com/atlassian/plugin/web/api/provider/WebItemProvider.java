// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.plugins_atlassian-plugins-webfragment-api-6.0.1/com/atlassian/plugin/web/api/provider/WebItemProvider.java (atlassian-plugins-webfragment-api 6.0.1, Platform 6; no Platform 8 source found). Later versions reportedly add a default init method (not verified here); it is left out, as the app neither calls nor overrides it and Jira may never call it.
package com.atlassian.plugin.web.api.provider;

import com.atlassian.plugin.web.api.WebItem;

import java.util.Map;

public interface WebItemProvider {

    Iterable<WebItem> getItems(Map<String, Object> context);
}
