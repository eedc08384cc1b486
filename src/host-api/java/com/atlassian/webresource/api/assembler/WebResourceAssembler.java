// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.plugins_atlassian-plugins-webresource-api-6.1.1/com/atlassian/webresource/api/assembler/WebResourceAssembler.java
// (webresource-api 6.1.1, Platform 6; resources() used the same way by atlassian-slack-integration-server master,
// Platform 8). Only the member the app uses is kept; the real type also has assembled(), data(), copy() and carries
// @ExperimentalApi (documentation only).
package com.atlassian.webresource.api.assembler;

public interface WebResourceAssembler {

    RequiredResources resources();
}
