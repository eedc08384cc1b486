// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.plugins_atlassian-plugins-webfragment-api-6.0.1/com/atlassian/plugin/web/api/WebItem.java (atlassian-plugins-webfragment-api 6.0.1, Platform 6; no Platform 8 source found). Its @PublicApi (type) and @Nonnull (getSection, getUrl) annotations are left out: they are not part of what the JVM links against, and their classes are not among the copies here.
package com.atlassian.plugin.web.api;

public interface WebItem extends WebFragment {

    String getSection();

    String getUrl();

    String getAccessKey();

    String getEntryPoint();
}
