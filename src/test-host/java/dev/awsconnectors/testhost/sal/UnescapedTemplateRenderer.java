package dev.awsconnectors.testhost.sal;

import com.atlassian.templaterenderer.TemplateRenderer;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The plugin's templates rendered from the class path by plain Apache Velocity, which escapes nothing: what a
 * template escapes itself is all that is escaped, so tests can show it escapes every value.
 */
public final class UnescapedTemplateRenderer implements TemplateRenderer {
    private final VelocityEngine engine;

    public UnescapedTemplateRenderer() {
        // The template renderer's macro and #if settings, so that the templates behave as in Jira.
        Properties properties = TemplateRendererVelocitySettings.properties();
        properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        properties.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        // Stricter than Jira on purpose: a reference the servlet did not provide fails the test.
        properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        engine = new VelocityEngine(properties);
        engine.init();
    }

    @Override
    public void render(String templateName, Writer writer) throws IOException {
        render(templateName, Map.of(), writer);
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer) throws IOException {
        engine.getTemplate(templateName, StandardCharsets.UTF_8.name()).merge(new VelocityContext(context), writer);
    }

    @Override
    public String renderFragment(String fragment, Map<String, Object> context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean resolve(String templateName) {
        return engine.resourceExists(templateName);
    }
}
