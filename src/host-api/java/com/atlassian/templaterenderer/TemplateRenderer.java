// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.templaterenderer.atlassian-template-renderer-api-5.0.4/com/atlassian/templaterenderer/TemplateRenderer.java (template-renderer-api 5.0.4, Platform 6; render(String, Map, Writer) used by atlassian-slack-integration-server master, Platform 8).
package com.atlassian.templaterenderer;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

public interface TemplateRenderer {

    void render(String templateName, Writer writer) throws RenderingException, IOException;

    void render(String templateName, Map<String, Object> context, Writer writer) throws RenderingException, IOException;

    String renderFragment(String fragment, Map<String, Object> context) throws RenderingException;

    boolean resolve(String templateName);
}
