package dev.awsconnectors.web;

/**
 * The plugin's key and the addresses of its pages and web resources, spelt once for the servlets and the menu.
 *
 * <p>Each value mirrors a declaration in {@code atlassian-plugin.xml} (a servlet's {@code <url-pattern>} below
 * {@code /plugins/servlet}, a {@code <web-resource>}'s key) or the pom's {@code atlassian.plugin.key};
 * {@code PluginResourcesTest} holds them together.
 */
public final class PluginResources {
    /**
     * {@code Atlassian-Plugin-Key}, the prefix of every module's complete key. Jira keeps the app's data (its AO
     * tables) under it, so it never changes.
     */
    public static final String PLUGIN_KEY = "dev.awsconnectors.aws-connectors-jira";
    /** Where the admin pages live, below the context path. */
    public static final String ADMIN_PAGES_PATH = "/plugins/servlet/aws-connectors/admin";
    /** The "My AWS connectors" page, below the context path. */
    public static final String MY_CONNECTORS_PATH = "/plugins/servlet/aws-connectors/my";
    /** The admin pages' script and style, by the {@code <web-resource>}'s complete key. */
    public static final String ADMIN_WEB_RESOURCE = PLUGIN_KEY + ":admin-resources";
    /** The user page's script and style, by the {@code <web-resource>}'s complete key. */
    public static final String USER_WEB_RESOURCE = PLUGIN_KEY + ":user-resources";

    private PluginResources() {
    }
}
