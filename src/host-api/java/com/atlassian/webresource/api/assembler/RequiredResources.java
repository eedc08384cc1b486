// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.plugins_atlassian-plugins-webresource-api-6.1.1/com/atlassian/webresource/api/assembler/RequiredResources.java
// (webresource-api 6.1.1, Platform 6: requireWebResource(String) returns RequiredResources and is not deprecated on
// the interface; atlassian-slack-integration-server master, Platform 8, calls it). Only the member the app uses is
// kept; the real type also carries @ExperimentalApi and javax.annotation.Nonnull (documentation only).
package com.atlassian.webresource.api.assembler;

public interface RequiredResources {

    /**
     * Includes a web resource, and every web resource it depends on, in the current page.
     *
     * @param moduleCompleteKey {@code <plugin key>:<web-resource key>}
     */
    RequiredResources requireWebResource(String moduleCompleteKey);
}
