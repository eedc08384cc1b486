package dev.awsconnectors.testhost.sal;

import org.apache.velocity.runtime.RuntimeConstants;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The Velocity settings of Atlassian's template renderer, in Velocity 2's names, for the demo host's engines.
 *
 * <p>What the renderer does, as read in its decompiled Platform 7 build (atlassian-template-renderer-velocity16-plugin
 * 5.0.4, from Confluence 9.1.1; repository ngannk-fptu/Decompiled-Files, folder
 * {@code com.atlassian.templaterenderer.atlassian-template-renderer-velocity16-plugin-5.0.4}, classes
 * {@code VelocityTemplateRendererServiceFactory} and {@code VelocityTemplateRendererImpl}):
 * <ul>
 *   <li>one {@code VelocityEngine} per plugin bundle, built with no extra properties, for all of that plugin's
 *       templates: a macro it has once defined is seen by every template it renders later;</li>
 *   <li>it loads a {@code velocity.properties} if its class loaders find one, then sets the class-path resource
 *       loader (templates come from the plugin's class loader), its own uberspector, parser pool and HTML-escaping
 *       directives, the resource cache and {@code velocimacro.library.autoreload} from {@code atlassian.dev.mode}
 *       (cache on, no reload, in production), clears {@code velocimacro.library}, and reads every template as
 *       UTF-8;</li>
 *   <li>it sets none of the inline-macro, strict-reference or {@code #if} settings: those are the engine's
 *       defaults, Velocity 1.6.4-atlassian-26 in that build.</li>
 * </ul>
 *
 * <p>Not established: which Velocity Jira 11 (Platform 8) ships. Atlassian's module-usage wiki
 * (bitbucket.org/atlassian/platform-module-usage/wiki/atlassian-template-renderer.md) lists template renderer 6.0.0
 * for the Platform 8 products' master branches but not its Velocity version; nor what Jira's own
 * {@code velocity.properties} sets, or whether the renderer's class loaders see it. The inline-macro defaults below
 * are the same in Velocity 1.6, 1.7 and 2.x, so they hold either way; the app's templates give each macro a name of
 * its own, which is right under any of these settings.
 */
public final class TemplateRendererVelocitySettings {
    private TemplateRendererVelocitySettings() {
    }

    /** The settings above; callers add their resource loader and uberspector. */
    public static Properties properties() {
        Properties properties = new Properties();
        // The renderer clears velocimacro.library: no global macro library, every macro is inline in a template.
        properties.setProperty(RuntimeConstants.VM_LIBRARY, "");
        // atlassian.dev.mode off (production): the renderer turns library autoreload off.
        properties.setProperty(RuntimeConstants.VM_LIBRARY_AUTORELOAD, "false");
        // Unset by the renderer, so Velocity's defaults (https://velocity.apache.org/engine/1.7/developer-guide.html,
        // "Velocimacros"; Velocity 2's org/apache/velocity/runtime/defaults/velocity.properties): inline macros
        // allowed, one namespace for all templates, and a macro already defined is NOT replaced by a later
        // template's macro of the same name. The decompiled Velocity
        // 1.6.4-atlassian-26 VelocimacroFactory.canAddVelocimacro rejects that later macro ("inline not allowed to
        // replace existing VM"), so the first template rendered decides what the name means.
        properties.setProperty(RuntimeConstants.VM_PERM_ALLOW_INLINE, "true");
        properties.setProperty(RuntimeConstants.VM_PERM_ALLOW_INLINE_REPLACE_GLOBAL, "false");
        properties.setProperty(RuntimeConstants.VM_PERM_INLINE_LOCAL, "false");
        // Unset by the renderer: an undefined reference is written as it stands, not an error.
        properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "false");
        // Velocity 1.x's #if: only null and false are false (an empty string or list is true). Velocity 2 needs this
        // switch for that (https://velocity.apache.org/engine/2.4/upgrading.html, "for busy people"); its own
        // default is true. That page's other switches are left at Velocity 2's defaults: space gobbling changes only
        // the pages' whitespace, and the templates call no macro without all its arguments nor a method that needs
        // an argument converted.
        properties.setProperty(RuntimeConstants.CHECK_EMPTY_OBJECTS, "false");
        // The renderer reads every template as UTF-8.
        properties.setProperty(RuntimeConstants.INPUT_ENCODING, StandardCharsets.UTF_8.name());
        return properties;
    }
}
