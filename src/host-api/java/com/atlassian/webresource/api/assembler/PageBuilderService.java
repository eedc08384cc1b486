// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.plugins_atlassian-plugins-webresource-api-6.1.1/com/atlassian/webresource/api/assembler/PageBuilderService.java
// (webresource-api 6.1.1, Platform 6). Platform 8: atlassian-labs/atlassian-slack-integration-server master (Jira 11.0.0,
// Platform 8.0.0) imports it as a host component (jira-slack-server-integration-plugin .../service/ComponentImports.java)
// and calls assembler().resources().requireWebResource(String) (.../postfunction/SlackPostFunctionFactory.java).
// Only the member the app uses is kept; the real type also carries @ExperimentalApi (documentation only) and seed(...).
package com.atlassian.webresource.api.assembler;

/** The current request's web-resource assembler, as Jira offers it to plugins (request scoped). */
public interface PageBuilderService {

    WebResourceAssembler assembler();
}
